package dev.rclonebackup.internal.connector.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading what pg_restore 15 prints: a table of contents and the SQL of privilege and database entries. */
class ArchiveListingTest {

    @Test
    void entriesAreReadWithTheirKindNamesOwnerAndDependencies() {
        ArchiveContents contents = ArchiveContents.parse(List.of(
                ";     Dump Version: 1.14-0",
                "2; 3079 16387 EXTENSION - citext ",
                "3455; 0 0 COMMENT - EXTENSION citext ",
                ";\tdepends on: 2",
                "3445; 0 16494 TABLE DATA app people alice",
                ";\tdepends on: 217",
                "3301; 2606 16510 FK CONSTRAINT app audit_log audit_log_person_id_fkey alice",
                ";\tdepends on: 217 219 3297"));

        assertThat(contents.entries())
                .extracting(ArchiveContents.Entry::kind)
                .containsExactly("EXTENSION", "COMMENT", "TABLE DATA", "FK CONSTRAINT");
        ArchiveContents.Entry extension = contents.entries().get(0);
        assertThat(extension.is("-", "citext")).isTrue();
        assertThat(extension.owner()).isEmpty();
        ArchiveContents.Entry foreignKey = contents.entries().get(3);
        assertThat(foreignKey.owner()).isEqualTo("alice");
        assertThat(foreignKey.dependencies()).containsExactly(217, 219, 3297);
        assertThat(contents.dependentsOf(extension))
                .extracting(ArchiveContents.Entry::id)
                .containsExactly(3455);
    }

    @Test
    void privilegeEntriesNameTheirGranteesAndTheRolesTheyRunAs() {
        Map<Integer, PrivilegeStatements.Needs> needs = PrivilegeStatements.parse(List.of(
                "-- TOC entry 3454 (class 0 OID 0)",
                "-- Name: src; Type: DATABASE PROPERTIES; Schema: -; Owner: alice",
                "GRANT CONNECT ON DATABASE src TO nobody;",
                "-- TOC entry 3457 (class 0 OID 0)",
                "-- Dependencies: 217",
                "-- Name: TABLE audit_log; Type: ACL; Schema: app; Owner: alice",
                "SET SESSION AUTHORIZATION bob;",
                "GRANT SELECT ON TABLE app.audit_log TO \"We \"\"ird\" WITH GRANT OPTION;",
                "RESET SESSION AUTHORIZATION;",
                "GRANT SELECT(name) ON TABLE app.people TO PUBLIC;",
                "-- TOC entry 2124 (class 826 OID 16516)",
                "-- Name: DEFAULT PRIVILEGES FOR TABLES; Type: DEFAULT ACL; Schema: app; Owner: alice",
                "ALTER DEFAULT PRIVILEGES FOR ROLE alice IN SCHEMA app GRANT SELECT ON TABLES  TO reader;"));

        assertThat(needs).containsOnlyKeys(3457, 2124);
        assertThat(needs.get(3457))
                .isEqualTo(new PrivilegeStatements.Needs(
                        "TABLE audit_log in schema app", Set.of("We \"ird"), Set.of("bob")));
        assertThat(needs.get(2124).grantees()).containsExactly("reader");
        assertThat(needs.get(2124).actingRoles()).containsExactly("alice");
    }

    @Test
    void databaseSettingsAreReadFromTheDatabasePropertiesScript() {
        Map<String, String> settings = DatabaseSettings.parse(List.of(
                "ALTER DATABASE src SET search_path TO 'app', 'public';",
                "ALTER DATABASE \"my db\" SET work_mem TO '8MB';",
                "ALTER ROLE reader IN DATABASE src SET statement_timeout TO '5s';"));

        assertThat(settings)
                .containsExactly(Map.entry("search_path", "'app', 'public'"), Map.entry("work_mem", "'8MB'"));
        assertThat(DatabaseSettings.statement("a\"b", "work_mem", "'8MB'"))
                .isEqualTo("ALTER DATABASE \"a\"\"b\" SET work_mem TO '8MB';");
    }
}
