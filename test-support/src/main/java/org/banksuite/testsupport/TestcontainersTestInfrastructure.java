package org.banksuite.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL 17 and Apache Kafka in containers, where a Docker engine runs. Testcontainers' Ryuk
 * removes them when the JVM exits.
 */
final class TestcontainersTestInfrastructure implements TestInfrastructure {

    static final String POSTGRES_IMAGE = "postgres:17";
    static final String KAFKA_IMAGE = "apache/kafka:4.2.1";

    private final Lazy<PostgreSQLContainer> postgres = new Lazy<>(() -> {
        PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
        container.start();
        return container;
    });
    private final Lazy<KafkaContainer> kafka = new Lazy<>(() -> {
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_MIN_INSYNC_REPLICAS", "1")
                .withEnv("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE", "false");
        container.start();
        return container;
    });

    @Override
    public TestDatabase newDatabase(String hint) {
        PostgreSQLContainer container = postgres.get();
        String name = UniqueNames.databaseName(hint);
        try (Connection connection = DriverManager.getConnection(
                container.getJdbcUrl(), container.getUsername(), container.getPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("create database \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        String jdbcUrl = "jdbc:postgresql://" + container.getHost() + ":"
                + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + name;
        return new TestDatabase(name, jdbcUrl, container.getUsername(), container.getPassword());
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.get().getBootstrapServers();
    }

    @Override
    public String newTopicPrefix(String hint) {
        return UniqueNames.topicPrefix(hint);
    }

    @Override
    public String providerName() {
        return "testcontainers";
    }
}
