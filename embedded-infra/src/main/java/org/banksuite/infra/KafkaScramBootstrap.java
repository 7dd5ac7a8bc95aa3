package org.banksuite.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * Which SCRAM credentials of a {@link KafkaSecurity} a log directory holds, kept as a SHA-256 fingerprint file
 * beside the broker's configuration, and how to put them in through a plaintext listener when they are not.
 */
final class KafkaScramBootstrap {

    /** Kafka's default iteration count for SCRAM-SHA-512. */
    static final int ITERATIONS = 4096;

    private final KafkaSecurity security;
    private final Path fingerprintFile;

    KafkaScramBootstrap(KafkaSecurity security, Path configDirectory) {
        this.security = security;
        this.fingerprintFile = configDirectory.resolve("scram-credentials.sha256");
    }

    boolean applied() {
        try {
            return Files.isRegularFile(fingerprintFile)
                    && Files.readString(fingerprintFile, StandardCharsets.UTF_8).trim().equals(fingerprint());
        } catch (IOException e) {
            return false;
        }
    }

    void recordApplied() {
        try {
            Files.writeString(fingerprintFile, fingerprint() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + fingerprintFile, e);
        }
    }

    /** Upserts both credentials through an unauthenticated client on {@code bootstrapServers}. */
    void apply(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.alterUserScramCredentials(List.of(upsertion(security.broker()), upsertion(security.admin())))
                    .all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot add the SCRAM credentials to the Kafka broker on "
                    + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while adding SCRAM credentials", e);
        }
    }

    static UserScramCredentialUpsertion upsertion(KafkaCredentials credentials) {
        return new UserScramCredentialUpsertion(credentials.user(),
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), credentials.password());
    }

    private String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (KafkaCredentials credentials : List.of(security.broker(), security.admin())) {
                digest.update((credentials.user() + ":" + credentials.password() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
