package dev.rclonebackup.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the executables of a test server and says how to install them when they are missing. */
final class ServerBinaries {
    private ServerBinaries() {}

    /**
     * {@code executable} itself.
     *
     * @throws IllegalStateException naming the executable and the apt-get line that installs it
     */
    static Path require(Path executable, String debianPackage) {
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(executable + " not found; these tests need a real server: "
                    + "apt-get install -y " + debianPackage);
        }
        return executable;
    }

    /** True when this JVM runs as root, where database servers must be told which account to use. */
    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
