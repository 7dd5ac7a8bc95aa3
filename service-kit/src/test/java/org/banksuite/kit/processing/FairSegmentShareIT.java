package org.banksuite.kit.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import org.banksuite.testsupport.TestDatabase;
import org.banksuite.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@link FairSegmentShare} on a real PostgreSQL: replicas of a service, seen as connections named after it, share each
 * processor's segments; alone, or unnamed, an instance may claim them all.
 */
class FairSegmentShareIT {

    private static TestDatabase db;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void tokenTableWithSixteenSegments() {
        db = TestInfrastructure.get().newDatabase("kit-segment-share");
        jdbc = new JdbcTemplate(new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password()));
        jdbc.execute("create table tokenentry (processorname varchar(255) not null, segment integer not null,"
                + " owner varchar(255), primary key (processorname, segment))");
        jdbc.execute("insert into tokenentry select 'account-projection', n, null from generate_series(0, 15) n");
        jdbc.execute("insert into tokenentry values ('TransferSagaProcessor', 0, null)");
    }

    private static Connection replica(String name) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", db.username());
        properties.setProperty("password", db.password());
        properties.setProperty("ApplicationName", name);
        return DriverManager.getConnection(db.jdbcUrl(), properties);
    }

    private static FairSegmentShare share(String service) {
        return new FairSegmentShare(new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password()), service,
                Duration.ZERO);
    }

    @Test
    void twoReplicasTakeHalfTheSegmentsEachAndThreeAThirdRoundedUp() throws SQLException {
        try (Connection first = replica("accounts-service"); Connection second = replica("accounts-service-2")) {
            assertThat(share("accounts-service").apply("account-projection")).isEqualTo(8);
            assertThat(share("accounts-service").apply("TransferSagaProcessor")).isEqualTo(1);
            try (Connection third = replica("accounts-service-3")) {
                assertThat(share("accounts-service").apply("account-projection")).isEqualTo(6);
            }
        }
    }

    @Test
    void aReplicaAloneMayClaimEverySegmentAgainOnceTheOtherIsGone() throws SQLException {
        FairSegmentShare share = share("accounts-service");
        try (Connection first = replica("accounts-service")) {
            try (Connection second = replica("accounts-service-2")) {
                assertThat(share.apply("account-projection")).isEqualTo(8);
            }
            awaitGoneFromPgStatActivity("accounts-service-2");
            assertThat(share.apply("account-projection")).isEqualTo(FairSegmentShare.UNLIMITED);
        }
    }

    @Test
    void connectionsOfOtherServicesOrUnnamedOnesDoNotCount() throws SQLException {
        try (Connection other = replica("accounts-service-console"); Connection transfers = replica("transfers-service-2");
             Connection unnamed = replica("")) {
            assertThat(share("accounts-service").apply("account-projection")).isEqualTo(FairSegmentShare.UNLIMITED);
        }
    }

    @Test
    void aProcessorWithoutSegmentsYetIsNotLimited() throws SQLException {
        try (Connection first = replica("accounts-service"); Connection second = replica("accounts-service-2")) {
            assertThat(share("accounts-service").apply("new-processor")).isEqualTo(FairSegmentShare.UNLIMITED);
        }
    }

    /** A closed connection's backend leaves pg_stat_activity a moment later. */
    private static void awaitGoneFromPgStatActivity(String name) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && jdbc.queryForObject(
                "select count(*) from pg_stat_activity where application_name = ?", Integer.class, name) > 0) {
            Thread.onSpinWait();
        }
    }
}
