package dev.rclonebackup.internal.connector.postgresql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of contents of a pg_dump archive as {@code pg_restore --list --verbose} prints it:
 * one line per entry ({@code 219; 1259 16503 TABLE app audit_log alice}), followed by a
 * {@code ;\tdepends on: 7 2} comment when the entry depends on others. The same format, with
 * entries left out, is what {@code pg_restore --use-list} reads.
 */
final class ArchiveContents {
    /** pg_dump's entry kinds, longest first, so that {@code TABLE DATA} is not taken for {@code TABLE}. */
    private static final List<String> KINDS = List.of(
                    "ACCESS METHOD",
                    "ACL",
                    "AGGREGATE",
                    "BLOB",
                    "BLOB METADATA",
                    "BLOBS",
                    "CAST",
                    "CHECK CONSTRAINT",
                    "COLLATION",
                    "COMMENT",
                    "CONSTRAINT",
                    "CONVERSION",
                    "DATABASE",
                    "DATABASE PROPERTIES",
                    "DEFAULT",
                    "DEFAULT ACL",
                    "DOMAIN",
                    "ENCODING",
                    "EVENT TRIGGER",
                    "EXTENSION",
                    "FK CONSTRAINT",
                    "FOREIGN DATA WRAPPER",
                    "FOREIGN TABLE",
                    "FUNCTION",
                    "INDEX",
                    "INDEX ATTACH",
                    "LARGE OBJECT",
                    "MATERIALIZED VIEW",
                    "MATERIALIZED VIEW DATA",
                    "OPERATOR",
                    "OPERATOR CLASS",
                    "OPERATOR FAMILY",
                    "POLICY",
                    "PROCEDURAL LANGUAGE",
                    "PROCEDURE",
                    "PUBLICATION",
                    "PUBLICATION TABLE",
                    "PUBLICATION TABLES IN SCHEMA",
                    "ROW SECURITY",
                    "RULE",
                    "SCHEMA",
                    "SEARCHPATH",
                    "SECURITY LABEL",
                    "SEQUENCE",
                    "SEQUENCE OWNED BY",
                    "SEQUENCE SET",
                    "SERVER",
                    "SHELL TYPE",
                    "STATISTICS",
                    "STDSTRINGS",
                    "SUBSCRIPTION",
                    "TABLE",
                    "TABLE ATTACH",
                    "TABLE DATA",
                    "TEXT SEARCH CONFIGURATION",
                    "TEXT SEARCH DICTIONARY",
                    "TEXT SEARCH PARSER",
                    "TEXT SEARCH TEMPLATE",
                    "TRANSFORM",
                    "TRIGGER",
                    "TYPE",
                    "USER MAPPING",
                    "VIEW")
            .stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();

    private static final Pattern ENTRY = Pattern.compile("^(\\d+); \\d+ \\d+ (.*)$");
    private static final Pattern DEPENDENCIES = Pattern.compile("^;\\s*depends on:((?: \\d+)*)\\s*$");

    /**
     * One entry of the archive.
     *
     * @param id           its dump id, what {@code --use-list} selects by
     * @param kind         e.g. {@code TABLE}, {@code TABLE DATA}, {@code EXTENSION}
     * @param names        the rest of the line: schema (or {@code -}), name and owner, space-separated
     * @param dependencies the dump ids of the entries it depends on
     * @param line         the line as listed
     */
    record Entry(int id, String kind, String names, List<Integer> dependencies, String line) {

        /** Its owner, the last word of the line; empty for entries without one (e.g. extensions). */
        String owner() {
            return names.substring(names.lastIndexOf(' ') + 1);
        }

        /** True when its schema and name are {@code schema} and {@code name} ({@code -} for no schema). */
        boolean is(String schema, String name) {
            return names.startsWith(schema + " " + name + " ") || names.equals(schema + " " + name);
        }
    }

    private final Map<Integer, Entry> entries;

    private ArchiveContents(Map<Integer, Entry> entries) {
        this.entries = entries;
    }

    /** Reads a listing; lines other than entries and their dependencies are ignored. */
    static ArchiveContents parse(List<String> listing) {
        Map<Integer, Entry> entries = new LinkedHashMap<>();
        Entry last = null;
        for (String line : listing) {
            Matcher entry = ENTRY.matcher(line);
            Matcher dependencies = DEPENDENCIES.matcher(line);
            if (entry.matches()) {
                last = entry(Integer.parseInt(entry.group(1)), entry.group(2), line);
                entries.put(last.id(), last);
            } else if (dependencies.matches() && last != null) {
                List<Integer> ids = new ArrayList<>();
                for (String id : dependencies.group(1).trim().split(" +")) {
                    if (!id.isEmpty()) {
                        ids.add(Integer.parseInt(id));
                    }
                }
                last = new Entry(last.id(), last.kind(), last.names(), List.copyOf(ids), last.line());
                entries.put(last.id(), last);
            }
        }
        return new ArchiveContents(entries);
    }

    private static Entry entry(int id, String rest, String line) {
        for (String kind : KINDS) {
            if (rest.startsWith(kind + " ")) {
                return new Entry(id, kind, rest.substring(kind.length() + 1), List.of(), line);
            }
        }
        int space = rest.indexOf(' ');
        return new Entry(
                id,
                space < 0 ? rest : rest.substring(0, space),
                space < 0 ? "" : rest.substring(space + 1),
                List.of(),
                line);
    }

    /** Every entry, in the archive's order. */
    List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The entries that depend directly on {@code entry}. */
    List<Entry> dependentsOf(Entry entry) {
        return entries.values().stream()
                .filter(e -> e.dependencies().contains(entry.id()))
                .toList();
    }

    /** The entries that {@code entry} depends on directly. */
    List<Entry> dependenciesOf(Entry entry) {
        return entry.dependencies().stream()
                .map(entries::get)
                .filter(java.util.Objects::nonNull)
                .toList();
    }
}
