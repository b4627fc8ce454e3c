package dev.rclonebackup.connector.postgresql;

import dev.rclonebackup.connector.postgresql.ArchiveContents.Entry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
 *       functions that depend on it are restored as usual.</li>
 * </ul>
 */
final class RestorePlan {
    /** Entries that depend on a kept table but are dropped and recreated around it as usual. */
    private static final Set<String> RECREATED_AROUND_KEPT_TABLES = Set.of("FK CONSTRAINT", "VIEW",
            "MATERIALIZED VIEW", "MATERIALIZED VIEW DATA", "FUNCTION", "PROCEDURE", "AGGREGATE");

    private final ArchiveContents contents;
    private final Set<Integer> excluded = new HashSet<>();
    private final List<String> keptExtensions = new ArrayList<>();
    private final List<String> keptTables = new ArrayList<>();

    /**
     * @param foreignExtensions names of the target's extensions the restoring role may not own
     * @param existingTables    the target's ordinary tables, as {@code {schema, name}} pairs
     */
    RestorePlan(ArchiveContents contents, Set<String> foreignExtensions, List<String[]> existingTables) {
        this.contents = contents;
        for (String extension : foreignExtensions) {
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
                for (String[] existing : existingTables) {
                    if (table.is(existing[0], existing[1])) {
                        keepTable(table, existing[0] + "." + existing[1]);
                    }
                }
            }
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
        contents.dependenciesOf(table).stream().filter(entry -> entry.kind().equals("SCHEMA"))
                .forEach(schema -> excluded.add(schema.id()));
    }

    /** The {@code --use-list} file's lines: every entry not left out, in the archive's order. */
    List<String> useList() {
        return contents.entries().stream().filter(entry -> !excluded.contains(entry.id())).map(Entry::line).toList();
    }

    /** The extensions left as they are in the target. */
    List<String> keptExtensions() {
        return List.copyOf(new LinkedHashSet<>(keptExtensions));
    }

    /** The tables, as {@code schema.name}, whose current rows are kept. */
    List<String> keptTables() {
        return List.copyOf(keptTables);
    }
}
