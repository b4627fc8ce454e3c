package dev.rclonebackup.internal.connector.postgresql;

import dev.rclonebackup.internal.connector.postgresql.ArchiveContents.Entry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which entries of an archive a restore leaves out, decided from the archive's contents and the
 * target database as it is:
 * <ul>
 *   <li>an extension the restoring role may not own (created by a superuser, say) stays as it
 *       is: its {@code DROP}/{@code CREATE EXTENSION} and its comment are left out;</li>
 *   <li>a table whose data is not in the archive ({@code --exclude-table-data}) and that exists
 *       in the target keeps its rows: it is neither dropped nor recreated, and neither are its
 *       indexes, constraints, triggers, column defaults, owned sequences (so their values stay
 *       ahead of the kept rows) or comments; its schema is not dropped. Foreign keys, views and
 *       functions that depend on it are restored as usual;</li>
 *   <li>a GRANT, REVOKE or default privilege naming a role that does not exist in the target, or
 *       run as a role the restoring role may not act as, is left out (the whole entry: all the
 *       privileges on that object);</li>
 *   <li>objects keep their owners when the restoring role may act as every one of them (a
 *       superuser may); otherwise {@link #foreignOwners()} names those it may not.</li>
 * </ul>
 */
final class RestorePlan {
    /** Entries that depend on a kept table but are dropped and recreated around it as usual. */
    private static final Set<String> RECREATED_AROUND_KEPT_TABLES = Set.of(
            "FK CONSTRAINT",
            "VIEW",
            "MATERIALIZED VIEW",
            "MATERIALIZED VIEW DATA",
            "FUNCTION",
            "PROCEDURE",
            "AGGREGATE");

    private final ArchiveContents contents;
    private final Set<Integer> excluded = new HashSet<>();
    private final List<String> keptExtensions = new ArrayList<>();
    private final List<String> keptTables = new ArrayList<>();
    private final List<String> skippedPrivileges = new ArrayList<>();
    private final List<String> foreignOwners;

    /**
     * The target database as the restoring role sees it.
     *
     * @param user              the restoring role
     * @param foreignExtensions names of the extensions it may not own
     * @param tables            the ordinary tables, as {@code {schema, name}} pairs
     * @param roles             every role's name
     * @param actableRoles      the roles it may act as ({@code SET ROLE}, owner changes): all for a superuser
     */
    record Target(
            String user,
            Set<String> foreignExtensions,
            List<String[]> tables,
            Set<String> roles,
            Set<String> actableRoles) {}

    /**
     * @param privileges what the archive's {@code ACL} and {@code DEFAULT ACL} entries need, by dump id
     */
    RestorePlan(ArchiveContents contents, Target target, Map<Integer, PrivilegeStatements.Needs> privileges) {
        this.contents = contents;
        for (String extension : target.foreignExtensions()) {
            keepExtension(extension);
        }
        Set<Integer> withData = new HashSet<>();
        for (Entry entry : contents.entries()) {
            if (entry.kind().equals("TABLE DATA")) {
                withData.addAll(entry.dependencies());
            }
        }
        for (Entry table : contents.entries()) {
            if (table.kind().equals("TABLE") && !withData.contains(table.id())) {
                for (String[] existing : target.tables()) {
                    if (table.is(existing[0], existing[1])) {
                        keepTable(table, existing[0] + "." + existing[1]);
                    }
                }
            }
        }
        privileges.forEach((id, needs) -> checkPrivileges(id, needs, target));
        Set<String> owners = new TreeSet<>();
        for (Entry entry : contents.entries()) {
            if (!excluded.contains(entry.id())
                    && !entry.owner().isEmpty()
                    && !entry.kind().startsWith("DATABASE")) {
                owners.add(entry.owner());
            }
        }
        owners.removeAll(target.actableRoles());
        owners.remove(target.user());
        foreignOwners = List.copyOf(owners);
    }

    private void checkPrivileges(int id, PrivilegeStatements.Needs needs, Target target) {
        if (excluded.contains(id)) {
            return;
        }
        List<String> reasons = new ArrayList<>();
        for (String grantee : needs.grantees()) {
            if (!target.roles().contains(grantee)) {
                reasons.add("role " + grantee + " does not exist");
            }
        }
        for (String role : needs.actingRoles()) {
            if (!target.actableRoles().contains(role)) {
                reasons.add(target.user() + " may not act as role " + role);
            }
        }
        if (!reasons.isEmpty()) {
            excluded.add(id);
            skippedPrivileges.add(needs.description() + " (" + String.join(", ", reasons) + ")");
        }
    }

    private void keepExtension(String name) {
        boolean listed = false;
        for (Entry entry : contents.entries()) {
            if ((entry.kind().equals("EXTENSION") && entry.is("-", name))
                    || (entry.kind().equals("COMMENT") && entry.is("-", "EXTENSION " + name))) {
                excluded.add(entry.id());
                listed = true;
            }
        }
        if (listed) {
            keptExtensions.add(name);
        }
    }

    private void keepTable(Entry table, String name) {
        keptTables.add(name);
        Deque<Entry> pending = new ArrayDeque<>(List.of(table));
        while (!pending.isEmpty()) {
            Entry entry = pending.pop();
            if (excluded.add(entry.id())) {
                contents.dependentsOf(entry).stream()
                        .filter(dependent -> !RECREATED_AROUND_KEPT_TABLES.contains(dependent.kind()))
                        .forEach(pending::push);
            }
        }
        contents.dependenciesOf(table).stream()
                .filter(entry -> entry.kind().equals("SCHEMA"))
                .forEach(schema -> excluded.add(schema.id()));
    }

    /** The {@code --use-list} file's lines: every entry not left out, in the archive's order. */
    List<String> useList() {
        return contents.entries().stream()
                .filter(entry -> !excluded.contains(entry.id()))
                .map(Entry::line)
                .toList();
    }

    /** The extensions left as they are in the target. */
    List<String> keptExtensions() {
        return List.copyOf(new LinkedHashSet<>(keptExtensions));
    }

    /**
     * The owners of restored objects that the restoring role may not set: when there are any,
     * every object is restored owned by the restoring role ({@code --no-owner}).
     */
    List<String> foreignOwners() {
        return foreignOwners;
    }

    /** The privilege entries left out, each with why, e.g. {@code SCHEMA app (role reader does not exist)}. */
    List<String> skippedPrivileges() {
        return List.copyOf(skippedPrivileges);
    }

    /** The tables, as {@code schema.name}, whose current rows are kept. */
    List<String> keptTables() {
        return List.copyOf(keptTables);
    }
}
