package org.banksuite.bench.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.banksuite.infra.EmbeddedPostgresServer;
import org.banksuite.infra.EmbeddedPostgresSettings;
import org.junit.jupiter.api.Test;

/** The ceiling's loop against a real, durable PostgreSQL (fsync on): it replays whole transfers and reports a rate. */
class PostgresCeilingIT {

    /** Events appended per transfer: the request's, 22 inbox appends, 12 by handlers. */
    private static final int APPENDS_PER_TRANSFER = 35;

    @Test
    void replaysWholeTransfersOnADurableServerAndReportsAPositiveRateAndCpu() throws Exception {
        try (EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(
                new EmbeddedPostgresSettings(0, null, null, true, null)).start()) {
            CeilingResult result = PostgresCeiling.measure(postgres.jdbcUrl("postgres"), postgres.username(),
                    postgres.password(), Duration.ofSeconds(3), 2);

            assertThat(result.fsync()).isEqualTo("on");
            assertThat(result.transfers()).isPositive();
            // the warm-up's transfers are in the store too
            assertThat(count(postgres, "domainevententry")).isGreaterThanOrEqualTo(result.transfers() * APPENDS_PER_TRANSFER);
            assertThat(count(postgres, "sagaentry")).isZero(); // every saga ended
            assertThat(result.transfersPerSecond()).isPositive();
            assertThat(result.commitsPerSecond()).isGreaterThan(result.transfersPerSecond());
            assertThat(result.cpuMillisPerTransfer()).isPositive();
        }
    }

    private static long count(EmbeddedPostgresServer postgres, String table) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(),
                postgres.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from " + CeilingSchema.SCHEMA + "." + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
