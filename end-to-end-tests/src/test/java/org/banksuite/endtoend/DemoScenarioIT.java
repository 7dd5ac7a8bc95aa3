package org.banksuite.endtoend;

import org.banksuite.launcher.demo.DemoReport;
import org.banksuite.launcher.demo.DemoScenario;
import org.banksuite.launcher.demo.Narrator;
import org.banksuite.launcher.demo.StepOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@code ./suite demo}'s story, played against the suite as users run it, and what must hold after it. */
@ExtendWith(TheSuite.class)
@ResourceLock(value = RunningSuite.CORE_FAULT_SETTINGS, mode = ResourceAccessMode.READ)
class DemoScenarioIT {

    private static RunningSuite suite;
    private static DemoReport demo;

    @BeforeAll
    static void playTheDemo(RunningSuite runningSuite) {
        suite = runningSuite;
        demo = new DemoScenario(suite.endpoints(), suite.tokens(), new Narrator(System.out)).play();
    }

    @Test
    void endsEveryStepOfTheDemoAsExpected() {
        assertThat(demo.steps()).hasSize(8).allSatisfy(step ->
                assertThat(step.result()).as(step.title() + ": " + step.detail()).isEqualTo(StepOutcome.Result.AS_EXPECTED));
    }

    @Test
    void showsTheDemosBalancesEqualInTheSuiteAndAtTheCore() {
        assertThat(demo.balances()).extracting(line -> line.account().holder(), line -> String.valueOf(line.suite()),
                        line -> String.valueOf(line.core()))
                .containsExactly(
                        tuple("Alice", "20750.00", "20750.00"),
                        tuple("Bob", "1250.00", "1250.00"),
                        tuple("Carl", "0.00", "0.00"));
    }

    @Test
    void keepsTheSuitesLedgerEqualToTheCoresForEveryAccount() {
        new SuiteInvariants(suite).assertLedgerEqualsCore();
    }

    @Test
    void endsEveryAcceptedTransferBookedOrRejected() {
        new SuiteInvariants(suite).assertEveryTransferEnded();
    }

    @Test
    void publishesEveryStoredEventOnKafka() {
        new SuiteInvariants(suite).assertEveryStoredEventIsOnKafka();
    }

    @Test
    void replaysEveryTransferAndCoreAnswerToAccountsWithoutMovingABalance() {
        new ReplayToAccounts(suite).assertReplaysChangeNoBalance();
        new SuiteInvariants(suite).assertLedgerEqualsCore();
    }

    @Test
    void showsNoOpenMismatchInTheDemosReconciliationReport() {
        assertThat(demo.reconciliation().openMismatchesOfTheseAccounts()).isEmpty();
        assertThat(demo.reconciliation().clean()).as(demo.reconciliation().toString()).isTrue();
    }

    @Test
    void reconcilesEveryAccountFromTheEventStreamsWithoutAMismatch() {
        new SuiteInvariants(suite).assertReconciliationFindsNoMismatch();
    }

    @Test
    void publishesOnlyRecordsThatSatisfyTheirSchemas() {
        new SuiteInvariants(suite).assertEveryRecordSatisfiesItsSchema();
    }

    @Test
    void numbersEveryEntitysEventsOnItsTopicWithoutGaps() {
        new SuiteInvariants(suite).assertEveryEntitysEventsAreNumberedWithoutGaps();
    }
}
