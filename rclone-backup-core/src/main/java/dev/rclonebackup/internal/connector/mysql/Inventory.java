package dev.rclonebackup.internal.connector.mysql;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** What the live and the scratch database hold, read before the swap. */
record Inventory(
        List<String> liveTables,
        List<String> scratchTables,
        List<String> liveViews,
        List<String> scratchViews,
        List<String> scratchTriggers,
        List<List<String>> liveRoutines,
        List<String> liveEvents) {

    private static final String TABLE_TYPES = "('BASE TABLE', 'SEQUENCE', 'SYSTEM VERSIONED')";

    static Inventory read(ScratchRestore restore) throws IOException {
        String live = ScratchRestore.literal(restore.live());
        String scratch = ScratchRestore.literal(restore.scratch());
        List<List<String>> rows = restore.query(String.join(
                "\n",
                "SELECT IF(TABLE_TYPE = 'VIEW', 'view', 'table'), TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA IN (" + live + ", " + scratch
                        + ") AND (TABLE_TYPE = 'VIEW' OR TABLE_TYPE IN "
                        + TABLE_TYPES + ") ORDER BY TABLE_NAME;",
                "SELECT 'trigger', TRIGGER_SCHEMA, TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = "
                        + scratch + ";",
                "SELECT ROUTINE_TYPE, ROUTINE_SCHEMA, ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = "
                        + live + ";",
                "SELECT 'event', EVENT_SCHEMA, EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = " + live
                        + ";",
                ""));
        Inventory inventory = new Inventory(
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>());
        for (List<String> row : rows) {
            boolean inLive = row.get(1).equals(restore.live());
            String name = row.get(2);
            switch (row.get(0)) {
                case "table" -> (inLive ? inventory.liveTables : inventory.scratchTables).add(name);
                case "view" -> (inLive ? inventory.liveViews : inventory.scratchViews).add(name);
                case "trigger" -> inventory.scratchTriggers.add(name);
                case "event" -> inventory.liveEvents.add(name);
                default -> inventory.liveRoutines.add(List.of(row.get(0), name));
            }
        }
        return inventory;
    }
}
