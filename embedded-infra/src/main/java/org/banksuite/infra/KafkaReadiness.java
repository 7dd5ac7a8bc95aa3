package org.banksuite.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Waits until a starting broker answers an AdminClient, failing fast (with its log) if it dies. */
final class KafkaReadiness {

    private KafkaReadiness() {
    }

    /** {@code clientProperties}: how the client authenticates (empty on a plaintext broker). */
    static void await(Process broker, String bootstrapServers, Map<String, ?> clientProperties, Path logFile,
                      Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int port = Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
        awaitListening(broker, port, deadline, bootstrapServers, logFile, timeout);
        Exception lastFailure = null;
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                failIfExited(broker, bootstrapServers, logFile);
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000))
                            .nodes().get(6, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    lastFailure = e;
                }
                pause();
            }
        }
        throw failure(bootstrapServers, "it did not answer within " + timeout.toSeconds() + " s", logFile, lastFailure);
    }

    /** A client created before the port listens would only log its reconnects. */
    private static void awaitListening(Process broker, int port, long deadline, String bootstrapServers, Path logFile, Duration timeout) {
        while (System.nanoTime() < deadline) {
            failIfExited(broker, bootstrapServers, logFile);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw failure(bootstrapServers, "nothing listened within " + timeout.toSeconds() + " s", logFile, null);
    }

    private static void failIfExited(Process broker, String bootstrapServers, Path logFile) {
        if (!broker.isAlive()) {
            throw failure(bootstrapServers, "its JVM exited with code " + broker.exitValue(), logFile, null);
        }
    }

    private static IllegalStateException failure(String bootstrapServers, String reason, Path logFile, Exception cause) {
        return new IllegalStateException("Kafka broker on " + bootstrapServers + " failed to start: " + reason
                + "\n" + LogTail.of(logFile, 40), cause);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }
}
