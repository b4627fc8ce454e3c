package dev.rclonebackup.sample;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A small notes application: notes in its database, files in its uploads folder, both backed up
 * by rclone-backup. {@code java -jar app.jar dbbackup} backs up its database and exits.
 */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }

    /** An application runner of its own, which a one-shot backup command does not run. */
    @Bean
    CommandLineRunner announceReady() {
        return args -> System.out.println("Notes application ready");
    }
}
