package org.banksuite.bench.chaos;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.banksuite.api.accounts.client.model.Account;
import org.banksuite.api.accounts.client.model.AccountStatus;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.accounts.client.model.OpenAccountRequest;
import org.banksuite.api.accounts.client.model.RecordType;
import org.banksuite.api.accounts.client.model.RecordTypeChangeRequest;
import org.banksuite.api.core.client.model.IncomingPayment;
import org.banksuite.api.core.client.model.Money;
import org.banksuite.api.transfers.client.model.CreateTransferRequest;
import org.banksuite.api.transfers.client.model.MoneyInput;
import org.banksuite.api.transfers.client.model.TransferCreditor;
import org.banksuite.launcher.demo.Amounts;
import org.banksuite.launcher.demo.DemoAccount;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chaos run's load: a steady mix of {@link Operation}s at a fixed rate, as BFFs and another bank would send them
 * (account openings, transfers between the suite's accounts by id and by number, to another bank, payments from
 * another bank at the core, record-type changes, closures of empty accounts), each on its own virtual thread, at most
 * {@link #IN_FLIGHT} at once, until the run's number of transfers was sent. Every call goes through {@link Replicas}
 * with an idempotency key kept across its retries. Amounts are DKK with two decimals.
 */
public final class Workload {

    /** A registration number that is not the core's: transfers there leave the suite for another bank. */
    static final String ANOTHER_BANK = "5301";
    static final BigDecimal FUNDING = new BigDecimal("50000.00");
    private static final int IN_FLIGHT = 64;
    private static final Duration ACTIVATION_PATIENCE = Duration.ofMinutes(6);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> REPLICA_NOT_CAUGHT_UP = Set.of("422 debtor-account-unknown",
            "422 debtor-account-not-active");
    private static final Duration REPLICA_LAG_PATIENCE = Duration.ofSeconds(60);

    private final Replicas replicas;
    private final RunBook book;
    private final Random random;
    private final String runId;
    private final int customers;
    private final Consumer<String> say;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final List<Future<?>> started = new ArrayList<>();

    public Workload(Replicas replicas, RunBook book, long seed, String runId, int customers, Consumer<String> say) {
        this.replicas = replicas;
        this.book = book;
        this.random = new Random(seed);
        this.runId = runId;
        this.customers = customers;
        this.say = say;
    }

    /**
     * Opens and funds the accounts the transfers start with, {@code parallelism} at a time, before any fault.
     *
     * @throws IllegalStateException when one could not be opened or funded
     */
    public void openFundedAccounts(int count, int parallelism) {
        Semaphore slots = new Semaphore(parallelism);
        List<Future<?>> openings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String customer = customer(i);
            openings.add(threads.submit(() -> {
                slots.acquireUninterruptibly();
                try {
                    DemoAccount account = openAndAwait(customer, true);
                    awaitAvailable(account, FUNDING);
                } finally {
                    slots.release();
                }
                return null;
            }));
        }
        for (Future<?> opening : openings) {
            try {
                opening.get();
            } catch (Exception e) {
                throw new IllegalStateException("could not open and fund an account: " + e.getMessage(), e);
            }
        }
    }

    /** Sends operations at {@code perSecond} until {@code transfers} transfers were sent; returns once all ended. */
    public void run(int transfers, double perSecond) {
        long interval = (long) (1e9 / perSecond);
        long next = System.nanoTime();
        int sent = 0;
        while (sent < transfers) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            }
            next += interval;
            Operation operation = Operation.of(random.nextInt(100));
            if (operation.transfer()) {
                sent++;
            }
            long seed = random.nextLong();
            inFlight.acquireUninterruptibly();
            synchronized (started) {
                started.add(threads.submit(() -> {
                    try {
                        perform(operation, new Random(seed));
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            if (sent % 500 == 0 && operation.transfer()) {
                say.accept("  " + sent + " of " + transfers + " transfers sent");
            }
        }
        awaitAll();
    }

    private void awaitAll() {
        List<Future<?>> all;
        synchronized (started) {
            all = List.copyOf(started);
        }
        for (Future<?> future : all) {
            try {
                future.get();
            } catch (Exception ignored) {
                // each operation records its own outcome
            }
        }
    }

    private void perform(Operation operation, Random random) {
        book.attempted(operation);
        long started = System.nanoTime();
        try {
            boolean done = switch (operation) {
                case INTERNAL_TRANSFER -> transfer(operation, random, creditor -> new TransferCreditor()
                        .accountId(creditor.accountId()));
                case TRANSFER_BY_NUMBER -> transfer(operation, random, creditor -> new TransferCreditor()
                        .registrationNumber(creditor.registrationNumber()).accountNumber(creditor.accountNumber()));
                case TRANSFER_TO_OTHER_BANK -> transfer(operation, random, creditor -> new TransferCreditor()
                        .registrationNumber(ANOTHER_BANK).accountNumber(String.format("%010d", random.nextInt(1_000_000))));
                case INCOMING_PAYMENT -> payIn(random);
                case RECORD_TYPE_CHANGE -> changeRecordType(random);
                case OPEN_ACCOUNT -> {
                    openAndAwait(customer(random.nextInt(customers)), random.nextBoolean());
                    yield true;
                }
                case CLOSURE -> close();
            };
            if (done) {
                book.done(operation);
            } else {
                book.skipped(operation);
            }
        } catch (RestClientResponseException refused) {
            book.refused(operation, problemType(refused));
        } catch (Replicas.GaveUpException | IllegalStateException unanswered) {
            book.gaveUp(operation);
            say.accept("  " + operation + ": " + unanswered.getMessage());
        } finally {
            book.took(operation, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private boolean transfer(Operation operation, Random random,
                             java.util.function.Function<DemoAccount, TransferCreditor> creditorOf) {
        DemoAccount debtor = book.anyFunded(random).orElse(null);
        if (debtor == null) {
            return false;
        }
        DemoAccount creditor = book.anotherFunded(debtor, random).orElse(debtor);
        if (creditor == debtor && operation != Operation.TRANSFER_TO_OTHER_BANK) {
            return false;
        }
        BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(1900), 2);
        String text = "chaos " + operation.name().toLowerCase();
        CreateTransferRequest request = new CreateTransferRequest().debtorAccountId(debtor.accountId())
                .creditor(creditorOf.apply(creditor))
                .amount(new MoneyInput().amount(Amounts.text(amount)).currency("DKK"))
                .debtorText(text).creditorText(text);
        long deadline = System.nanoTime() + REPLICA_LAG_PATIENCE.toNanos();
        while (true) {
            String key = UUID.randomUUID().toString();
            try {
                UUID transferId = replicas.call("a transfer from " + debtor.accountId(),
                        clients -> clients.transfers(debtor.customerId()).createTransfer(key, request).getTransferId());
                book.accepted(new RunBook.AcceptedTransfer(transferId, debtor.customerId(), operation, amount));
                return true;
            } catch (RestClientResponseException refused) {
                // an account just opened may not have reached transfers-service's replica of account facts yet
                if (!REPLICA_NOT_CAUGHT_UP.contains(problemType(refused)) || System.nanoTime() > deadline) {
                    throw refused;
                }
                sleepNanos(TimeUnit.SECONDS.toNanos(1));
            }
        }
    }

    private boolean payIn(Random random) {
        DemoAccount account = book.anyFunded(random).orElse(null);
        if (account == null) {
            return false;
        }
        payIn(account, BigDecimal.valueOf(1000 + random.nextInt(9000), 2));
        return true;
    }

    /** Money from another bank booked at the core; the adapter is asked to sync the account's entries. */
    private void payIn(DemoAccount account, BigDecimal amount) {
        try {
            replicas.first().core().injectIncomingPayment(new IncomingPayment()
                    .registrationNumber(account.registrationNumber()).accountNumber(account.accountNumber())
                    .amount(new Money().amount(Amounts.text(amount)).currency(account.currency())).text("chaos pay-in"));
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().is5xxServerError()) {
                book.payInUnknown(); // the core may have booked it before failing to answer
            }
            throw refused;
        } catch (RuntimeException unknown) {
            book.payInUnknown();
            throw new IllegalStateException("a pay-in at the core with no answer: " + unknown.getMessage(), unknown);
        }
        book.paidIn(amount);
        try {
            replicas.call("an entry sync of " + account.accountId(),
                    clients -> {
                        clients.entrySync().syncPostingEntries(account.accountId().toString());
                        return null;
                    });
        } catch (RuntimeException later) {
            // the adapter's scheduled sync books it later
        }
    }

    private boolean changeRecordType(Random random) {
        DemoAccount account = book.anyFunded(random).orElse(null);
        if (account == null) {
            return false;
        }
        RecordType type = RecordType.values()[random.nextInt(RecordType.values().length)];
        replicas.call("a record-type change of " + account.accountId(), clients -> {
            clients.accounts(account.customerId()).requestRecordTypeChange(account.accountId(),
                    new RecordTypeChangeRequest().recordType(type));
            return null;
        });
        return true;
    }

    private boolean close() {
        DemoAccount account = book.takeEmpty().orElse(null);
        if (account == null) {
            return false;
        }
        replicas.call("the closure of " + account.accountId(), clients -> {
            clients.accounts(account.customerId()).requestClosure(account.accountId());
            return null;
        });
        return true;
    }

    private void awaitAvailable(DemoAccount account, BigDecimal amount) {
        long deadline = System.nanoTime() + ACTIVATION_PATIENCE.toNanos();
        while (true) {
            Account seen = replicas.call("reading account " + account.accountId(),
                    clients -> clients.accounts(account.customerId()).getAccount(account.accountId(), null));
            if (new BigDecimal(seen.getAvailableBalance().getAmount()).compareTo(amount) >= 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("account " + account.accountId() + " does not show " + amount
                        + " available after " + ACTIVATION_PATIENCE.toMinutes() + " min");
            }
            sleepNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
    }

    /** Opens an account, waits until the core opened it, and pays money in if {@code withMoney}. */
    private DemoAccount openAndAwait(String customer, boolean withMoney) {
        String key = UUID.randomUUID().toString();
        UUID accountId = replicas.call("an opening for " + customer, clients -> clients.accounts(customer)
                .openAccount(key, new OpenAccountRequest().customerId(customer).currency(Currency.DKK)
                        .recordType(RecordType.PERSONAL)).getAccountId());
        book.openingAccepted(accountId);
        long deadline = System.nanoTime() + ACTIVATION_PATIENCE.toNanos();
        Account account;
        do {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("account " + accountId + " not ACTIVE after "
                        + ACTIVATION_PATIENCE.toMinutes() + " min");
            }
            sleepNanos(TimeUnit.MILLISECONDS.toNanos(500));
            account = replicas.call("reading account " + accountId,
                    clients -> readOrNull(() -> clients.accounts(customer).getAccount(accountId, null)));
        } while (account == null || account.getStatus() != AccountStatus.ACTIVE || account.getCoreAccount() == null);
        DemoAccount opened = new DemoAccount(customer, customer, accountId, "DKK",
                account.getCoreAccount().getRegistrationNumber(), account.getCoreAccount().getAccountNumber());
        if (withMoney) {
            payIn(opened, FUNDING);
        }
        book.opened(opened, withMoney);
        return opened;
    }

    private static Account readOrNull(java.util.function.Supplier<Account> read) {
        try {
            return read.get();
        } catch (RestClientResponseException notYet) {
            if (notYet.getStatusCode().value() == 404 || notYet.getStatusCode().value() == 409) {
                return null;
            }
            throw notYet;
        }
    }

    private String customer(int index) {
        return "chaos-" + runId + "-c" + (index % customers);
    }

    static String problemType(RestClientResponseException refused) {
        try {
            String type = JSON.readTree(refused.getResponseBodyAsString()).path("type").asString("");
            return refused.getStatusCode().value() + " " + (type.isEmpty() ? "(no problem type)"
                    : type.replace("urn:banksuite:problem:", ""));
        } catch (RuntimeException notJson) {
            return refused.getStatusCode().value() + " (not problem+json)";
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
