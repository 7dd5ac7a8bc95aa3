package org.banksuite.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresServerTest {

    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresServer.forTests().start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void answersSelectOne() throws SQLException {
        assertThat(queryOne(postgres.jdbcUrl("postgres"), "select 1")).isEqualTo("1");
    }

    @Test
    void reachesACreatedDatabase() throws SQLException {
        postgres.createDatabaseIfMissing("orders");
        postgres.createDatabaseIfMissing("orders");

        assertThat(queryOne(postgres.jdbcUrl("orders"), "select current_database()")).isEqualTo("orders");
    }

    @Test
    void runsPostgresql17() throws SQLException {
        assertThat(queryOne(postgres.jdbcUrl("postgres"), "show server_version")).startsWith("17.");
    }

    private static String queryOne(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, postgres.username(), postgres.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
