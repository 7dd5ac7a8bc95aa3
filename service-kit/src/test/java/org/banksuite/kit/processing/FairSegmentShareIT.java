package org.banksuite.kit.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.banksuite.testsupport.TestDatabase;
import org.banksuite.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@link FairSegmentShare} on a real PostgreSQL: replicas of a service that announced themselves share each
 * processor's segments; alone, an instance may claim them all, also once the other is gone.
 */
class FairSegmentShareIT {

    private static TestDatabase db;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void tokenTableWithSixteenSegments() {
        db = TestInfrastructure.get().newDatabase("kit-segment-share");
        jdbc = new JdbcTemplate(dataSource());
        jdbc.execute("create table tokenentry (processorname varchar(255) not null, segment integer not null,"
                + " owner varchar(255), primary key (processorname, segment))");
        jdbc.execute("insert into tokenentry select 'account-projection', n, null from generate_series(0, 15) n");
        jdbc.execute("insert into tokenentry values ('TransferSagaProcessor', 0, null)");
    }

    private static DriverManagerDataSource dataSource() {
        return new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password());
    }

    private static FairSegmentShare replica(String service) {
        return new FairSegmentShare(dataSource(), service, Duration.ZERO);
    }

    @Test
    void twoReplicasTakeHalfTheSegmentsEachAndThreeAThirdRoundedUp() {
        try (FairSegmentShare first = replica("accounts-service"); FairSegmentShare second = replica("accounts-service")) {
            first.announce();
            second.announce();
            assertThat(first.getMaxSegments("account-projection")).isEqualTo(8);
            assertThat(second.getMaxSegments("account-projection")).isEqualTo(8);
            assertThat(first.getMaxSegments("TransferSagaProcessor")).isEqualTo(1);
            try (FairSegmentShare third = replica("accounts-service")) {
                third.announce();
                assertThat(first.getMaxSegments("account-projection")).isEqualTo(6);
            }
        }
    }

    @Test
    void aReplicaStillStartingCountsItselfButIsNotCountedByTheOthersYet() {
        try (FairSegmentShare running = replica("accounts-service"); FairSegmentShare starting = replica("accounts-service")) {
            running.announce();
            assertThat(running.getMaxSegments("account-projection")).isEqualTo(FairSegmentShare.UNLIMITED);
            assertThat(starting.getMaxSegments("account-projection")).isEqualTo(8);
        }
    }

    @Test
    void replicasCountEachOtherAgainAfterTheirSessionsWereLost() {
        try (FairSegmentShare first = replica("reconciliation-service");
             FairSegmentShare second = replica("reconciliation-service")) {
            first.announce();
            second.announce();
            // what a restart of PostgreSQL does to the sessions that hold the locks
            assertThat(jdbc.queryForList("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory'"
                    + " and classid = (?::int4)::oid", Boolean.class, "reconciliation-service".hashCode()))
                    .containsExactly(true, true);

            first.getMaxSegments("account-projection"); // notices, announces again
            second.getMaxSegments("account-projection");

            assertThat(first.getMaxSegments("account-projection")).isEqualTo(8);
            assertThat(second.getMaxSegments("account-projection")).isEqualTo(8);
        }
    }

    @Test
    void aReplicaAloneMayClaimEverySegmentAgainOnceTheOtherIsGone() {
        try (FairSegmentShare first = replica("accounts-service")) {
            first.announce();
            try (FairSegmentShare second = replica("accounts-service")) {
                second.announce();
                assertThat(first.getMaxSegments("account-projection")).isEqualTo(8);
            }
            assertThat(first.getMaxSegments("account-projection")).isEqualTo(FairSegmentShare.UNLIMITED);
        }
    }

    @Test
    void countsReplicasOfAServiceWhoseNameHashesBelowZero() {
        assertThat("partner-bank-adapter".hashCode()).isNegative(); // the lock key, an oid in pg_locks
        try (FairSegmentShare first = replica("partner-bank-adapter"); FairSegmentShare second = replica("partner-bank-adapter")) {
            first.announce();
            second.announce();
            assertThat(first.getMaxSegments("account-projection")).isEqualTo(8);
        }
    }

    @Test
    void replicasOfAnotherServiceDoNotCount() {
        try (FairSegmentShare accounts = replica("accounts-service"); FairSegmentShare transfers = replica("transfers-service")) {
            accounts.announce();
            transfers.announce();
            assertThat(accounts.getMaxSegments("account-projection")).isEqualTo(FairSegmentShare.UNLIMITED);
        }
    }

    @Test
    void aProcessorWithoutSegmentsYetIsNotLimited() {
        try (FairSegmentShare first = replica("accounts-service"); FairSegmentShare second = replica("accounts-service")) {
            first.announce();
            second.announce();
            assertThat(first.getMaxSegments("new-processor")).isEqualTo(FairSegmentShare.UNLIMITED);
        }
    }
}
