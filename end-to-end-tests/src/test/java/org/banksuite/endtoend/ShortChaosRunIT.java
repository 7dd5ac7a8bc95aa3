package org.banksuite.endtoend;

import java.io.IOException;

import org.banksuite.bench.chaos.Chaos;
import org.banksuite.bench.chaos.ChaosOptions;
import org.banksuite.bench.chaos.ChaosReport;
import org.banksuite.bench.chaos.Fault;
import org.banksuite.bench.chaos.Operation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short chaos run of issue 16, on the suite the other classes used (two replicas of each service, started by the
 * launcher, which restarts whatever dies), alone and last of them ({@code junit-platform.properties}):
 * {@link Chaos#run}, the code of {@code ./suite chaos}, with 240 transfers and the other operations at 10 a second
 * while a replica of accounts-service, one of the adapter, the Kafka broker and PostgreSQL are each killed with
 * {@code kill -9} and a process is paused. Every invariant must hold. The core's faults are left to the full run
 * ({@code ./suite chaos}, README): after them the adapter's retries back off for minutes, longer than the build can
 * wait; the adapter's and proxy's own tests and PartnerCoreFlowIT cover each of them.
 */
@ExtendWith(TheSuite.class)
@Isolated
@Order(Integer.MAX_VALUE)
class ShortChaosRunIT {

    @Test
    void everyInvariantHoldsWhenAReplicaTheBrokerAndPostgresAreKilledUnderLoad(RunningSuite suite) throws IOException {
        ChaosOptions options = ChaosOptions.parse("--seed", "16", "--transfers", "240", "--rate", "10",
                "--accounts", "8", "--must-kill", "accounts-service#2,partner-bank-adapter#1,kafka,postgres",
                "--fault-every", "100000", "--core-faults", "off", "--heal-patience", "6",
                "--out", suite.home().resolve("chaos-results").toString());

        ChaosReport report = Chaos.run(suite.home(), suite.ports(), options);

        assertThat(report.replicas()).isEqualTo(RunningSuite.REPLICAS);
        assertThat(report.faultsInjected().get(Fault.Kind.KILL)).as("kills").isEqualTo(4);
        assertThat(report.restarts()).as("restarts by the launcher")
                .hasEntrySatisfying("accounts-service#2", restarts -> assertThat(restarts).isPositive())
                .hasEntrySatisfying("partner-bank-adapter#1", restarts -> assertThat(restarts).isPositive())
                .hasEntrySatisfying("kafka", restarts -> assertThat(restarts).isPositive())
                .hasEntrySatisfying("postgres", restarts -> assertThat(restarts).isPositive());
        assertThat(report.operations().get(Operation.INTERNAL_TRANSFER).done()).isPositive();
        assertThat(report.checks()).as(report.summary()).allSatisfy(check -> assertThat(check.holds())
                .as(check.name() + ": " + check.figure() + " " + check.examples()).isTrue());
    }
}
