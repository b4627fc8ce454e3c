package dev.rclonebackup.sample;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Notes kept in the application's database. */
@RestController
class NotesController {
    private final JdbcClient jdbc;

    NotesController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/notes")
    List<String> notes() {
        return jdbc.sql("SELECT text FROM notes ORDER BY id")
                .query(String.class)
                .list();
    }

    @PostMapping("/notes")
    ResponseEntity<Void> add(@RequestBody String text) {
        jdbc.sql("INSERT INTO notes(text) VALUES (?)").param(text).update();
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/notes")
    ResponseEntity<Void> deleteAll() {
        jdbc.sql("DELETE FROM notes").update();
        return ResponseEntity.noContent().build();
    }
}
