package org.banksuite.endtoend;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.transfers.client.model.Transfer;
import org.banksuite.launcher.demo.AccessTokens;
import org.banksuite.launcher.demo.AccountSteps;
import org.banksuite.launcher.demo.Amounts;
import org.banksuite.launcher.demo.CoreSteps;
import org.banksuite.launcher.demo.DemoAccount;
import org.banksuite.launcher.demo.ReconciliationReport;
import org.banksuite.launcher.demo.ReconciliationSteps;
import org.banksuite.launcher.demo.SuiteClients;
import org.banksuite.launcher.demo.TransferSteps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer pays another customer of the bank by the core account number, as a payment slip gives it, after an
 * incoming payment funded the account: the creditor is credited once (by the transfer and by the core's entry,
 * which share one posting), both ledgers equal the core's, and reconciliation-service, from the topics alone,
 * reconciles both accounts without a mismatch.
 */
@ExtendWith(TheSuite.class)
@ResourceLock(value = RunningSuite.CORE_FAULT_SETTINGS, mode = ResourceAccessMode.READ)
class PaymentsByCoreNumberIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void creditsASuiteAccountPaidByItsCoreNumberOnceAndReconcilesBothAccounts(RunningSuite suite) {
        SuiteClients clients = suite.clients();
        AccountSteps accounts = new AccountSteps(clients, PATIENCE);
        TransferSteps transfers = new TransferSteps(clients, PATIENCE);
        CoreSteps core = new CoreSteps(clients);
        DemoAccount payer = accounts.openActive("Petra", "petra-" + UUID.randomUUID(), Currency.DKK);
        DemoAccount payee = accounts.openActive("Quentin", "quentin-" + UUID.randomUUID(), Currency.DKK);
        core.injectIncomingPayment(payer, Amounts.of("500.00"), "salary");
        core.requestEntrySync(payer);
        accounts.awaitBookedBalance(payer, Amounts.of("500.00"));

        UUID transferId = transfers.request(payer,
                TransferSteps.toAnotherBank(payee.registrationNumber(), payee.accountNumber()),
                Amounts.of("120.00"), "rent by number");
        Transfer booked = transfers.awaitFinal(transferId);
        assertThat(booked.getStatus()).hasToString("BOOKED");

        core.requestEntrySync(payer);
        core.requestEntrySync(payee);
        accounts.awaitBookedBalance(payer, Amounts.of("380.00"));
        accounts.awaitBookedBalance(payee, Amounts.of("120.00"));
        assertThat(core.balance(payer)).isEqualByComparingTo("380.00");
        assertThat(core.balance(payee)).isEqualByComparingTo("120.00");
        assertThat(clients.accounts(payee.customerId()).listPostings(payee.accountId(), 50, null).getItems())
                .as("the payee's postings: the payment once, whoever booked it first").hasSize(1);

        ReconciliationReport report = new ReconciliationSteps(suite.endpoints().reconciliationUrl(),
                suite.tokens().client(AccessTokens.SUPPORT_AGENT))
                .reportOnceSettled(List.of(payer, payee), PATIENCE);
        assertThat(report.accounts()).as("both accounts as reconciliation-service sees them")
                .allSatisfy(line -> assertThat(line.reconciled() && line.openMismatches() == 0)
                        .as(line.account().holder() + ": " + line.detail()).isTrue());
        assertThat(report.openMismatches()).as("open mismatches").noneMatch(mismatch ->
                mismatch.contains(payer.accountId().toString()) || mismatch.contains(payee.accountId().toString()));
    }
}
