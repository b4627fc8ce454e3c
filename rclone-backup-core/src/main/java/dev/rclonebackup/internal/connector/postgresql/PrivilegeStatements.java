package dev.rclonebackup.internal.connector.postgresql;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The roles named by the {@code ACL} and {@code DEFAULT ACL} entries of an archive, read from
 * the script {@code pg_restore --verbose} writes for them (other entries in it are skipped):
 * each entry starts with a {@code -- TOC entry N} comment, then its {@code -- Name:} line, and holds one {@code GRANT}/{@code REVOKE} per line, some
 * wrapped in {@code SET SESSION AUTHORIZATION grantor} or prefixed with
 * {@code ALTER DEFAULT PRIVILEGES FOR ROLE owner}.
 */
final class PrivilegeStatements {
    private static final String IDENTIFIER = "(\"(?:[^\"]|\"\")*\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern ENTRY = Pattern.compile("^-- TOC entry (\\d+) ");
    private static final Pattern NAME = Pattern.compile("^-- Name: (.*); Type: (?:DEFAULT )?ACL; Schema: (.*); Owner:");
    private static final Pattern GRANTEE =
            Pattern.compile("^(?:GRANT|REVOKE|ALTER DEFAULT PRIVILEGES) .*\\s(?:TO|FROM)\\s+" + IDENTIFIER
                    + "(?:\\s+WITH GRANT OPTION)?;\\s*$");
    private static final Pattern FOR_ROLE = Pattern.compile("^ALTER DEFAULT PRIVILEGES FOR ROLE " + IDENTIFIER + " ");
    private static final Pattern SESSION_AUTHORIZATION =
            Pattern.compile("^SET SESSION AUTHORIZATION " + IDENTIFIER + ";");

    /**
     * What one entry needs.
     *
     * @param description e.g. {@code TABLE people in schema app}
     * @param grantees    the roles granted to or revoked from ({@code PUBLIC} left out)
     * @param actingRoles the roles the statements run as ({@code FOR ROLE}, {@code SET SESSION AUTHORIZATION})
     */
    record Needs(String description, Set<String> grantees, Set<String> actingRoles) {}

    private PrivilegeStatements() {}

    /** Each entry's needs, by dump id. */
    static Map<Integer, Needs> parse(List<String> script) {
        Map<Integer, Needs> entries = new LinkedHashMap<>();
        Integer current = null;
        for (String line : script) {
            Matcher entry = ENTRY.matcher(line);
            if (entry.find()) {
                current = Integer.parseInt(entry.group(1));
                continue;
            }
            Matcher name = NAME.matcher(line);
            if (name.find() && current != null) {
                String schema = name.group(2);
                entries.put(
                        current,
                        new Needs(
                                name.group(1) + (schema.equals("-") ? "" : " in schema " + schema),
                                new LinkedHashSet<>(),
                                new LinkedHashSet<>()));
                continue;
            }
            Needs needs = current == null ? null : entries.get(current);
            if (needs == null) {
                continue;
            }
            Matcher grantee = GRANTEE.matcher(line);
            if (grantee.find() && !grantee.group(1).equals("PUBLIC")) {
                needs.grantees().add(unquoted(grantee.group(1)));
            }
            Matcher forRole = FOR_ROLE.matcher(line);
            if (forRole.find()) {
                needs.actingRoles().add(unquoted(forRole.group(1)));
            }
            Matcher session = SESSION_AUTHORIZATION.matcher(line);
            if (session.find()) {
                needs.actingRoles().add(unquoted(session.group(1)));
            }
        }
        return entries;
    }

    private static String unquoted(String identifier) {
        if (identifier.startsWith("\"")) {
            return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
        }
        return identifier.toLowerCase(java.util.Locale.ROOT);
    }
}
