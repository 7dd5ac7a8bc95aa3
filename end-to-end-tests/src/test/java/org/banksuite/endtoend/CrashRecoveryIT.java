package org.banksuite.endtoend;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.accounts.client.model.RecordType;
import org.banksuite.api.transfers.client.model.Transfer;
import org.banksuite.api.transfers.client.model.TransferStatus;
import org.banksuite.launcher.demo.AccountSteps;
import org.banksuite.launcher.demo.Amounts;
import org.banksuite.launcher.demo.BalanceLine;
import org.banksuite.launcher.demo.CoreSteps;
import org.banksuite.launcher.demo.DemoAccount;
import org.banksuite.launcher.demo.Ledgers;
import org.banksuite.launcher.demo.SuiteClients;
import org.banksuite.launcher.demo.TransferSteps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole services die by {@code kill -9} (every replica at once) in the middle of a run of transfers between the
 * suite's accounts and the launcher starts them again: every transfer still ends BOOKED or REJECTED, each account's balance is what the booked transfers make it,
 * in the suite and at the core, the money in the suite's accounts stays the same, and every stored event is on Kafka.
 */
@ExtendWith(TheSuite.class)
class CrashRecoveryIT {

    /** Long enough for a service to restart and catch up with what queued up while it was dead. */
    private static final Duration PATIENCE = Duration.ofSeconds(150);
    private static final BigDecimal FUNDING = Amounts.of("1000.00");
    private static final int TRANSFERS = 24;

    private static RunningSuite suite;
    private static List<DemoAccount> accounts;
    private static AccountSteps accountSteps;
    private static TransferSteps transferSteps;
    private static Ledgers ledgers;

    @BeforeAll
    static void openAndFundAccounts(RunningSuite runningSuite) {
        suite = runningSuite;
        SuiteClients clients = suite.clients();
        accountSteps = new AccountSteps(clients, PATIENCE);
        transferSteps = new TransferSteps(clients, PATIENCE);
        CoreSteps core = new CoreSteps(clients);
        ledgers = new Ledgers(accountSteps, core);
        List<UUID> opened = IntStream.range(0, 5)
                .mapToObj(i -> accountSteps.open("crash-" + i, Currency.DKK, RecordType.PERSONAL)).toList();
        accounts = opened.stream().map(id -> accountSteps.awaitActive("holder of " + id, id)).toList();
        accounts.forEach(account -> core.injectIncomingPayment(account, FUNDING, "opening deposit"));
        accounts.forEach(core::requestEntrySync);
        accounts.forEach(account -> accountSteps.awaitBookedBalance(account, FUNDING));
    }

    /**
     * Both crashes in one run, each in the middle of it: both replicas of accounts-service die after the first third of
     * the transfers was requested, both of the adapter after the second, and the launcher restarts them. (Two separate runs would each wait
     * out the dead consumer's Kafka session and the services' retry back-offs, doubling the module's time.)
     */
    @Test
    void losesNoMoneyWhenAccountsServiceAndTheAdapterAreKilledMidRun() {
        Map<UUID, BigDecimal> before = settledBalances();
        TransferRun run = TransferRun.start(transferSteps, PlannedTransfer.randomly(accounts, TRANSFERS, 1));
        run.awaitRequested(TRANSFERS / 3);
        Stopwatch stopwatch = new Stopwatch("accounts-service killed (kill -9) after " + TRANSFERS / 3 + " of "
                + TRANSFERS + " transfers were requested");
        ServiceReplicas accountsService = suite.service("accounts-service");
        ServiceReplicas adapter = suite.service("partner-bank-adapter");
        Set<Long> accountsKilled = accountsService.kill();
        run.awaitRequested(2 * TRANSFERS / 3);
        stopwatch.lap("partner-bank-adapter killed after " + 2 * TRANSFERS / 3);
        Set<Long> adapterKilled = adapter.kill();
        accountsService.awaitRestarted(accountsKilled, PATIENCE);
        adapter.awaitRestarted(adapterKilled, PATIENCE);
        stopwatch.lap("both restarted by the launcher and ready");
        List<TransferRun.Requested> requested = run.finish();
        List<Transfer> ended = requested.stream().map(r -> transferSteps.awaitFinal(r.transferId())).toList();
        stopwatch.lap("every transfer BOOKED or REJECTED");
        assertThat(ended).extracting(Transfer::getStatus)
                .isSubsetOf(TransferStatus.BOOKED, TransferStatus.REJECTED).contains(TransferStatus.BOOKED);
        Map<UUID, BigDecimal> expected = afterBookedTransfers(before, requested, ended);
        List<BalanceLine> after = ledgers.compareOnceSettled(accounts, PATIENCE);
        assertThat(after).allSatisfy(line -> {
            assertThat(line.suite()).as("%s in the suite", line.account().accountId())
                    .isEqualByComparingTo(expected.get(line.account().accountId()));
            assertThat(line.core()).as("%s at the core", line.account().accountId())
                    .isEqualByComparingTo(expected.get(line.account().accountId()));
        });
        stopwatch.lap("balances compared");
        assertThat(total(after.stream().map(BalanceLine::suite).toList()))
                .as("the money in the suite's accounts").isEqualByComparingTo(total(before.values()));
        new SuiteInvariants(suite).assertEveryStoredEventIsOnKafka();
        new SuiteInvariants(suite).assertEveryEntitysEventsAreNumberedWithoutGaps();
        stopwatch.lap("every stored event on Kafka, numbered");
        new SuiteInvariants(suite).assertReconciliationFindsNoMismatch();
        stopwatch.lap("reconciled without a mismatch");
        new SuiteInvariants(suite).assertEveryRecordSatisfiesItsSchema();
        stopwatch.lap("every record satisfies its schema");
    }

    private static Map<UUID, BigDecimal> settledBalances() {
        List<BalanceLine> lines = ledgers.compareOnceSettled(accounts, PATIENCE);
        assertThat(lines).allMatch(BalanceLine::equal, "suite equals core before the run");
        Map<UUID, BigDecimal> balances = new HashMap<>();
        lines.forEach(line -> balances.put(line.account().accountId(), line.suite()));
        return balances;
    }

    private static Map<UUID, BigDecimal> afterBookedTransfers(Map<UUID, BigDecimal> before,
                                                              List<TransferRun.Requested> requested,
                                                              List<Transfer> ended) {
        Map<UUID, BigDecimal> balances = new HashMap<>(before);
        for (int i = 0; i < requested.size(); i++) {
            if (ended.get(i).getStatus() == TransferStatus.BOOKED) {
                PlannedTransfer plan = requested.get(i).plan();
                balances.merge(plan.debtor().accountId(), plan.amount().negate(), BigDecimal::add);
                balances.merge(plan.creditor().accountId(), plan.amount(), BigDecimal::add);
            }
        }
        return balances;
    }

    private static BigDecimal total(Collection<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
