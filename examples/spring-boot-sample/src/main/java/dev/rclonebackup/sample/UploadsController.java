package dev.rclonebackup.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Files kept in the uploads folder, which is the media folder rclone-backup mirrors. */
@RestController
class UploadsController {
    private final Path uploads;

    UploadsController(@Value("${app.uploads}") Path uploads) {
        this.uploads = uploads;
    }

    @PutMapping("/uploads/{name:[A-Za-z0-9._-]+}")
    ResponseEntity<Void> store(@PathVariable String name, @RequestBody byte[] content) throws IOException {
        Files.createDirectories(uploads);
        Files.write(uploads.resolve(name), content);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/uploads/{name:[A-Za-z0-9._-]+}")
    byte[] read(@PathVariable String name) throws IOException {
        Path file = uploads.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, name + " is not uploaded");
        }
        return Files.readAllBytes(file);
    }
}
