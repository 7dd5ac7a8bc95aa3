package org.banksuite.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealInfrastructureExtension.class)
class RealInfrastructureExtensionTest {

    private static TestDatabase databaseOfThisClass;

    @BeforeAll
    static void createTable(TestDatabase database) throws SQLException {
        databaseOfThisClass = database;
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute("create table greeting (text varchar(20))");
        }
    }

    @Test
    void resolvesTheSameDatabaseForEveryTestOfTheClass(TestDatabase database) throws SQLException {
        assertThat(database).isEqualTo(databaseOfThisClass);
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute("insert into greeting values ('hello')");
        }
    }

    @Test
    void resolvesKafkaCoordinatesWithAPrefix(KafkaCoordinates kafka) {
        assertThat(kafka.bootstrapServers()).isEqualTo(TestInfrastructure.get().kafkaBootstrapServers());
        assertThat(kafka.topicPrefix()).startsWith("realinfrastructureextensiontest-").endsWith(".");
        assertThat(kafka.topic("accounts.events")).isEqualTo(kafka.topicPrefix() + "accounts.events");
    }

    private static Connection connect(TestDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
