package org.banksuite.launcher.demo;

import java.math.BigDecimal;
import org.banksuite.api.core.client.SimulatorAdminApi;
import org.banksuite.api.core.client.model.CoreAccount;
import org.banksuite.api.core.client.model.IncomingPayment;
import org.banksuite.api.core.client.model.Money;
import org.banksuite.api.adapter.client.PostingEntrySyncApi;

/** The partner core seen from outside the suite: the simulator's admin API, and the adapter's entry sync on demand. */
public final class CoreSteps {

    private final SimulatorAdminApi core;
    private final PostingEntrySyncApi entrySync;

    public CoreSteps(SuiteClients clients) {
        this.core = clients.core();
        this.entrySync = clients.entrySync();
    }

    /** A payment from another bank, booked at the core only: the suite learns of it from the core's entries. */
    public String injectIncomingPayment(DemoAccount account, BigDecimal amount, String text) {
        return core.injectIncomingPayment(new IncomingPayment()
                .registrationNumber(account.registrationNumber()).accountNumber(account.accountNumber())
                .amount(new Money().amount(Amounts.text(amount)).currency(account.currency())).text(text))
                .getEntryId();
    }

    /** Asks the adapter to fetch the account's new core entries now instead of at its next scheduled sync. */
    public void requestEntrySync(DemoAccount account) {
        entrySync.syncPostingEntries(account.accountId().toString());
    }

    public CoreAccount read(DemoAccount account) {
        return core.getSimulatedAccount(account.registrationNumber(), account.accountNumber());
    }

    public BigDecimal balance(DemoAccount account) {
        return new BigDecimal(read(account).getBalance().getAmount());
    }
}
