package org.banksuite.bench.suite;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.launcher.demo.AccountSteps;
import org.banksuite.launcher.demo.CoreSteps;
import org.banksuite.launcher.demo.DemoAccount;
import org.banksuite.launcher.demo.SuiteClients;

/**
 * Opens and funds the benchmark's accounts, as a BFF and support would (set-up, not measured): for each account,
 * {@code POST /v1/accounts} for one of a few customers, wait until ACTIVE, inject an incoming payment at the core
 * (the simulator's {@code POST /admin/v1/incoming-payments}), ask the adapter for a posting-entry sync, wait until
 * the available balance shows it. Accounts are funded concurrently, at most {@code parallelism} at a time.
 */
public final class SuiteFunding {

    private final SuiteClients clients;
    private final AccountSteps accounts;
    private final CoreSteps core;
    private final int parallelism;

    public SuiteFunding(SuiteClients clients, Duration patience, int parallelism) {
        this.clients = clients;
        this.accounts = new AccountSteps(clients, patience);
        this.core = new CoreSteps(clients);
        this.parallelism = parallelism;
    }

    /**
     * @param customers how many customers hold the accounts (round robin)
     * @param progress  told the number funded so far, now and then
     * @return each funded account's id and its holder's customer id
     * @throws IllegalStateException when an account could not be opened or funded in time
     */
    public Map<String, String> fund(int count, int customers, String runId, BigDecimal amount, Consumer<Integer> progress) {
        Semaphore slots = new Semaphore(parallelism);
        AtomicInteger funded = new AtomicInteger();
        List<Future<DemoAccount>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                String customer = "bench-" + runId + "-c" + (i % customers);
                futures.add(executor.submit(() -> {
                    slots.acquire();
                    try {
                        DemoAccount account = fundOne(customer, amount);
                        int done = funded.incrementAndGet();
                        if (done % 50 == 0 || done == count) {
                            progress.accept(done);
                        }
                        return account;
                    } finally {
                        slots.release();
                    }
                }));
            }
            Map<String, String> holders = new LinkedHashMap<>();
            for (Future<DemoAccount> future : futures) {
                DemoAccount account = future.get();
                holders.put(account.accountId().toString(), account.customerId());
            }
            return holders;
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not fund an account: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while funding accounts", e);
        }
    }

    private DemoAccount fundOne(String customer, BigDecimal amount) {
        DemoAccount account = accounts.openActive(customer, customer, Currency.DKK);
        core.injectIncomingPayment(account, amount, "bench funding");
        core.requestEntrySync(account);
        accounts.await(account.accountId(), "account " + account.accountId() + " with " + amount + " available",
                seen -> new BigDecimal(seen.getAvailableBalance().getAmount()).compareTo(amount) >= 0);
        return account;
    }

    /** The clients used (their tokens serve the transfers too). */
    public SuiteClients clients() {
        return clients;
    }
}
