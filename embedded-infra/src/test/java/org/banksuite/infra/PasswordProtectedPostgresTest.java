package org.banksuite.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local stack's PostgreSQL: a password on every connection, also for a cluster created before with trust. */
class PasswordProtectedPostgresTest {

    private static final String PASSWORD = "Tq0v-generated-for-this-test";

    private static Path dataDirectory;
    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void startPostgres() {
        dataDirectory = Directories.createTemp("password-protected-postgres-");
        postgres = new EmbeddedPostgresServer(withPassword(dataDirectory.resolve("data"), PASSWORD)).start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
        Directories.deleteQuietly(dataDirectory);
    }

    @Test
    void acceptsTheSuperusersPassword() throws SQLException {
        assertThat(postgres.password()).isEqualTo(PASSWORD);
        assertThat(queryOne(postgres.jdbcUrl("postgres"), "postgres", PASSWORD, "select current_user")).isEqualTo("postgres");
    }

    @Test
    void refusesATcpConnectionWithoutAPassword() {
        Properties withoutPassword = new Properties();
        withoutPassword.setProperty("user", "postgres");

        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl("postgres"), withoutPassword).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no password was provided");
    }

    @Test
    void refusesAWrongPassword() {
        assertThatThrownBy(() -> queryOne(postgres.jdbcUrl("postgres"), "postgres", "postgres", "select 1"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void trustsNoConnectionInItsHostBasedAuthenticationFile() throws Exception {
        String hba = Files.readString(postgres.dataDirectory().resolve("pg_hba.conf"));

        assertThat(hba).isEqualTo(PasswordAuthentication.HBA);
        assertThat(hba.lines().filter(line -> !line.startsWith("#")))
                .hasSize(3).allMatch(rule -> rule.endsWith(" scram-sha-256") && rule.contains(" all   all "));
        assertThat(queryOne(postgres.jdbcUrl("postgres"), "postgres", PASSWORD, "show listen_addresses")).isEqualTo("127.0.0.1");
    }

    @Test
    void switchesAClusterCreatedWithTrustToPasswordsKeepingItsData() throws Exception {
        Path upgraded = Directories.createTemp("postgres-created-with-trust-");
        try {
            try (EmbeddedPostgresServer before = new EmbeddedPostgresServer(
                    new EmbeddedPostgresSettings(0, upgraded, null, false, null)).start()) {
                before.createDatabaseIfMissing("ledger");
                execute(before.jdbcUrl("ledger"), "postgres", "any", "create table entry (text varchar(20));"
                        + " insert into entry values ('kept')");
            }

            try (EmbeddedPostgresServer after = new EmbeddedPostgresServer(withPassword(upgraded, PASSWORD)).start()) {
                assertThat(queryOne(after.jdbcUrl("ledger"), "postgres", PASSWORD, "select text from entry")).isEqualTo("kept");
                assertThatThrownBy(() -> queryOne(after.jdbcUrl("ledger"), "postgres", "any", "select 1"))
                        .hasMessageContaining("password authentication failed");
            }
            try (EmbeddedPostgresServer again = new EmbeddedPostgresServer(withPassword(upgraded, PASSWORD)).start()) {
                assertThat(queryOne(again.jdbcUrl("ledger"), "postgres", PASSWORD, "select text from entry")).isEqualTo("kept");
            }
        } finally {
            Directories.deleteQuietly(upgraded);
        }
    }

    private static EmbeddedPostgresSettings withPassword(Path dataDirectory, String password) {
        return new EmbeddedPostgresSettings(0, dataDirectory, null, false, null).withSuperuserPassword(password);
    }

    private static void execute(String jdbcUrl, String user, String password, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String queryOne(String jdbcUrl, String user, String password, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
