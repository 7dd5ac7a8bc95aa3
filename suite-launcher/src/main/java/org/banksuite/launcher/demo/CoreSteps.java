package org.banksuite.launcher.demo;

import java.math.BigDecimal;
import java.time.Duration;

import org.banksuite.api.adapter.client.PostingEntrySyncApi;
import org.banksuite.api.core.client.SimulatorAdminApi;
import org.banksuite.api.core.client.model.CoreAccount;
import org.banksuite.api.core.client.model.IncomingPayment;
import org.banksuite.api.core.client.model.Money;
import org.springframework.web.client.HttpClientErrorException;

/** The partner core seen from outside the suite: the simulator's admin API, and the adapter's entry sync on demand. */
public final class CoreSteps {

    /** How long an opening completed by one adapter replica may take to be seen by another. */
    private static final Duration OPENING_SEEN_WITHIN = Duration.ofSeconds(10);

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

    /**
     * Asks the adapter to fetch the account's new core entries now instead of at its next scheduled sync. The
     * adapter answers 404 for an account it does not yet know as open at the core: with replicas, the instance asked
     * may learn of an opening the other one completed a moment later (its processors look at the store about once a
     * second), so a 404 is asked again for up to {@link #OPENING_SEEN_WITHIN}.
     *
     * @throws HttpClientErrorException.NotFound when the adapter still does not know the account as open by then
     */
    public void requestEntrySync(DemoAccount account) {
        long deadline = System.nanoTime() + OPENING_SEEN_WITHIN.toNanos();
        while (true) {
            try {
                entrySync.syncPostingEntries(account.accountId().toString());
                return;
            } catch (HttpClientErrorException.NotFound notOpenYet) {
                if (System.nanoTime() > deadline) {
                    throw notOpenYet;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw notOpenYet;
                }
            }
        }
    }

    public CoreAccount read(DemoAccount account) {
        return core.getSimulatedAccount(account.registrationNumber(), account.accountNumber());
    }

    public BigDecimal balance(DemoAccount account) {
        return new BigDecimal(read(account).getBalance().getAmount());
    }
}
