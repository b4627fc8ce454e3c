package dev.rclonebackup.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A throwaway certificate authority and a server certificate it signed, made with {@code openssl}
 * in a folder of the test's: valid for the address {@code 127.0.0.1} only, so that a client
 * verifying the host name accepts it there and refuses it under any other name
 * ({@code localhost}).
 *
 * @param authority   the CA certificate (PEM), for clients to verify the server with
 * @param certificate the server certificate (PEM)
 * @param key         the server's private key (PEM, unencrypted)
 */
public record TestCertificates(Path authority, Path certificate, Path key) {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Creates the CA and the server certificate in {@code folder}. */
    public static TestCertificates create(Path folder) {
        ServerBinaries.require(Path.of("/usr/bin/openssl"), "openssl");
        Path caKey = folder.resolve("ca.key");
        Path ca = folder.resolve("ca.pem");
        Path key = folder.resolve("server.key");
        Path request = folder.resolve("server.csr");
        Path certificate = folder.resolve("server.pem");
        Path extensions = folder.resolve("server.ext");
        openssl(
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                caKey.toString(),
                "-out",
                ca.toString(),
                "-days",
                "2",
                "-subj",
                "/CN=rclone-backup test CA");
        openssl(
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                key.toString(),
                "-out",
                request.toString(),
                "-subj",
                "/CN=127.0.0.1");
        try {
            Files.writeString(extensions, "subjectAltName = IP:127.0.0.1\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        openssl(
                "x509",
                "-req",
                "-in",
                request.toString(),
                "-CA",
                ca.toString(),
                "-CAkey",
                caKey.toString(),
                "-CAcreateserial",
                "-out",
                certificate.toString(),
                "-days",
                "2",
                "-extfile",
                extensions.toString());
        return new TestCertificates(ca, certificate, key);
    }

    private static void openssl(String... arguments) {
        List<String> argv = new java.util.ArrayList<>(List.of("openssl"));
        argv.addAll(List.of(arguments));
        ExternalCommand.run(argv, null, TIMEOUT);
    }
}
