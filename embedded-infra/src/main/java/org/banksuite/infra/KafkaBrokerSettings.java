package org.banksuite.infra;

import java.nio.file.Path;
import java.util.List;

/**
 * How to run a {@link KafkaBroker}.
 *
 * @param port            the client listener's port; 0 picks a free one
 * @param controllerPort  the KRaft controller listener's port; 0 picks a free one (keep it fixed
 *                        for a kept log directory, the quorum remembers its voter's endpoint)
 * @param logDirectory    Kafka's data ({@code log.dirs}); null means a temporary one, deleted on close
 * @param logFile         where the broker's output goes; null means a temporary file
 * @param maxHeap         the child JVM's {@code -Xmx}, e.g. "512m"
 * @param durable         flush every append to disk before acknowledging it (see {@link KafkaServerProperties})
 * @param extraJvmOptions further options for the child JVM
 * @param security        SASL/SCRAM and ACLs (see {@link KafkaSecurity}); null means plaintext, anyone may do anything
 *                        (the tests' shared broker)
 */
public record KafkaBrokerSettings(
        int port,
        int controllerPort,
        Path logDirectory,
        Path logFile,
        String maxHeap,
        boolean durable,
        List<String> extraJvmOptions,
        KafkaSecurity security) {

    public KafkaBrokerSettings {
        extraJvmOptions = List.copyOf(extraJvmOptions);
    }

    /**
     * The tests' broker: free ports, temporary data, not durable; run with the client compiler only and the serial
     * collector, which start it with less CPU and cost nothing at the few records per second a test sends.
     */
    public static KafkaBrokerSettings forTests() {
        return new KafkaBrokerSettings(0, 0, null, null, "512m", false, FAST_START, null);
    }

    /** JVM options that start a child JVM with the least CPU (the same the local stack gives its services). */
    private static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** A broker whose data survives restarts, on fixed ports. */
    public static KafkaBrokerSettings kept(int port, int controllerPort, Path logDirectory, Path logFile) {
        return new KafkaBrokerSettings(port, controllerPort, logDirectory, logFile, "512m", true, List.of(), null);
    }

    /** The same broker with SASL/SCRAM authentication and ACL authorization. */
    public KafkaBrokerSettings withSecurity(KafkaSecurity security) {
        return new KafkaBrokerSettings(port, controllerPort, logDirectory, logFile, maxHeap, durable, extraJvmOptions,
                security);
    }

    public boolean secured() {
        return security != null;
    }
}
