package org.banksuite.bench.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.banksuite.infra.EmbeddedPostgresServer;
import org.banksuite.infra.EmbeddedPostgresSettings;
import org.junit.jupiter.api.Test;

/** The ceiling's loop against a real, durable PostgreSQL (fsync on): it replays whole transfers and reports a rate. */
class PostgresCeilingIT {

    @Test
    void replaysWholeTransfersOnADurableServerAndReportsAPositiveRateAndCpu() {
        try (EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(
                new EmbeddedPostgresSettings(0, null, null, true, null)).start()) {
            CeilingResult result = PostgresCeiling.measure(postgres.jdbcUrl("postgres"), postgres.username(),
                    postgres.password(), Duration.ofSeconds(3), 2);

            assertThat(result.fsync()).isEqualTo("on");
            assertThat(result.transfers()).isPositive();
            assertThat(result.commits()).isEqualTo(result.transfers() * SuiteSqlPattern.COMMITS_PER_TRANSFER);
            assertThat(result.transfersPerSecond()).isPositive();
            assertThat(result.commitsPerSecond()).isGreaterThan(result.transfersPerSecond());
            assertThat(result.cpuMillisPerTransfer()).isPositive();
        }
    }
}
