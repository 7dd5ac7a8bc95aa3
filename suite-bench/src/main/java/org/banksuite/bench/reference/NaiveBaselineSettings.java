package org.banksuite.bench.reference;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run the naive baseline beside a stack.
 *
 * @param jar                  {@code bench-baseline/target/bench-baseline.jar}
 * @param postgresUrl          a JDBC URL of the server's {@code postgres} database (where {@code baseline} is created)
 * @param postgresUser         a role that may create databases (the stack's superuser)
 * @param postgresPassword     its password
 * @param kafkaBootstrap       the broker's {@code host:port}
 * @param kafkaClientSettings  extra Kafka client settings (the stack's admin principal: {@code security.protocol},
 *                             {@code sasl.mechanism}, {@code sasl.jaas.config}); empty for an open broker
 * @param topic                the topic the baseline publishes to (created if missing)
 * @param accounts             how many funded accounts to seed
 * @param balance              each account's balance
 * @param jvmOptions           the baseline JVM's options (use the suite's services' for a fair comparison)
 * @param logFile              where its output goes
 */
public record NaiveBaselineSettings(Path jar, String postgresUrl, String postgresUser, String postgresPassword,
                                    String kafkaBootstrap, Map<String, String> kafkaClientSettings, String topic,
                                    int accounts, BigDecimal balance, List<String> jvmOptions, Path logFile) {

    /** The local stack's services' default JVM options (suite-launcher's {@code ServiceJvmOptions}). */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** @throws IllegalArgumentException if a required setting is missing or {@code accounts} is below 2 */
    public NaiveBaselineSettings {
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(postgresUrl, "postgresUrl");
        Objects.requireNonNull(postgresUser, "postgresUser");
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(logFile, "logFile");
        kafkaClientSettings = Map.copyOf(kafkaClientSettings);
        jvmOptions = List.copyOf(jvmOptions);
        if (accounts < 2) {
            throw new IllegalArgumentException("at least 2 accounts: " + accounts);
        }
    }

    /**
     * The settings for a stack started by {@code ./suite up} in {@code home}: its superuser's password from
     * {@code .suite/postgres/postgres.password}, the admin principal's Kafka client settings from
     * {@code .suite/kafka/suite-admin.properties}, the jar from {@code bench-baseline/target}, the log in
     * {@code .suite/logs/bench-baseline.log}, the services' JVM options.
     *
     * @throws java.io.UncheckedIOException if a file of the stack cannot be read
     */
    public static NaiveBaselineSettings forLocalStack(Path home, int postgresPort, int kafkaPort, int accounts,
                                                      BigDecimal balance) {
        Path state = home.resolve(".suite");
        try {
            String password = java.nio.file.Files.readString(state.resolve("postgres").resolve("postgres.password"))
                    .strip();
            java.util.Properties admin = new java.util.Properties();
            try (var in = java.nio.file.Files.newBufferedReader(state.resolve("kafka").resolve("suite-admin.properties"))) {
                admin.load(in);
            }
            Map<String, String> kafka = new java.util.HashMap<>();
            admin.stringPropertyNames().forEach(name -> kafka.put(name, admin.getProperty(name)));
            return new NaiveBaselineSettings(home.resolve("bench-baseline").resolve("target").resolve("bench-baseline.jar"),
                    "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres", "postgres", password,
                    "127.0.0.1:" + kafkaPort, kafka, "baseline.transfers", accounts, balance, SERVICE_JVM_OPTIONS,
                    state.resolve("logs").resolve("bench-baseline.log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the local stack's settings under " + state, e);
        }
    }

    /** Never shows the passwords. */
    @Override
    public String toString() {
        return "NaiveBaselineSettings[jar=" + jar + ", postgresUrl=" + postgresUrl + ", kafka=" + kafkaBootstrap
                + ", topic=" + topic + ", accounts=" + accounts + ", balance=" + balance + "]";
    }
}
