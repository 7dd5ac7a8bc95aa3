package org.banksuite.bench.chaos;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.banksuite.api.accounts.client.model.Account;
import org.banksuite.api.accounts.client.model.Posting;
import org.banksuite.api.accounts.client.model.PostingPage;
import org.banksuite.api.transfers.client.model.TransferStatus;
import org.banksuite.launcher.demo.DemoAccount;

/**
 * The money invariants of a chaos run, over the accounts it opened: each account's booked balance in the suite
 * equals its balance at the core, nothing stays reserved, money is conserved, no posting is booked twice, and the
 * core executed each transfer's idempotency key at most once and as the suite says it ended. Amounts are DKK.
 */
final class LedgerChecks {

    private final Replicas replicas;
    private final StackDatabases databases;
    private final RunBook book;

    LedgerChecks(Replicas replicas, StackDatabases databases, RunBook book) {
        this.replicas = replicas;
        this.databases = databases;
        this.book = book;
    }

    /** Asks again until every account's booked balance equals the core's with nothing reserved, or time is up. */
    List<Check> balances(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        List<DemoAccount> accounts = book.accounts();
        accounts.forEach(this::requestEntrySync);
        Map<UUID, Account> seen = new HashMap<>();
        List<String> unequal;
        List<String> reserved;
        while (true) {
            unequal = new ArrayList<>();
            reserved = new ArrayList<>();
            for (DemoAccount account : accounts) {
                Account suite = replicas.call("reading " + account.accountId(),
                        clients -> clients.accounts(account.customerId()).getAccount(account.accountId(), null));
                seen.put(account.accountId(), suite);
                BigDecimal core = new BigDecimal(replicas.first().core()
                        .getSimulatedAccount(account.registrationNumber(), account.accountNumber()).getBalance().getAmount());
                BigDecimal booked = new BigDecimal(suite.getBookedBalance().getAmount());
                if (booked.compareTo(core) != 0) {
                    unequal.add(account.accountId() + ": suite " + booked + ", core " + core);
                }
                if (new BigDecimal(suite.getReservedBalance().getAmount()).signum() != 0) {
                    reserved.add(account.accountId() + ": " + suite.getReservedBalance().getAmount() + " reserved");
                }
            }
            if ((unequal.isEmpty() && reserved.isEmpty()) || System.nanoTime() > deadline) {
                break;
            }
            sleep();
        }
        lastSeen = seen;
        return List.of(
                Check.of("every account's booked balance equals the core's", accounts.size() + " accounts, "
                        + unequal.size() + " unequal", unequal),
                Check.of("no reservation left open", reserved.size() + " accounts with money reserved", reserved));
    }

    private Map<UUID, Account> lastSeen = Map.of();

    /**
     * What is in the run's accounts plus what left for other banks equals what came in from other banks, counted
     * by the suite (booked balances, BOOKED transfers) and by the core (its entries without a payment key are the
     * pay-ins).
     */
    Check conservation(TransferOutcomes outcomes) {
        BigDecimal inAccounts = lastSeen.values().stream().map(account -> new BigDecimal(account.getBookedBalance()
                .getAmount())).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal sentAway = outcomes.booked(book.transfers(), Operation.TRANSFER_TO_OTHER_BANK);
        BigDecimal paidInAtTheCore = corePayIns();
        List<String> offending = new ArrayList<>();
        if (inAccounts.add(sentAway).compareTo(paidInAtTheCore) != 0) {
            offending.add("in accounts " + inAccounts + " + sent to other banks " + sentAway + " = "
                    + inAccounts.add(sentAway) + ", received " + paidInAtTheCore);
        }
        if (book.unknownPayIns() == 0 && book.paidIn().compareTo(paidInAtTheCore) != 0) {
            offending.add("the run paid in " + book.paidIn() + " but the core booked " + paidInAtTheCore);
        }
        return Check.of("money conserved to the cent", "in accounts " + inAccounts + " DKK + sent to other banks "
                + sentAway + " DKK = " + inAccounts.add(sentAway) + " DKK; received from other banks "
                + paidInAtTheCore + " DKK", offending);
    }

    private BigDecimal corePayIns() {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (DemoAccount account : book.accounts()) {
            for (String[] row : databases.query("simulator", "select coalesce(sum(amount), 0) from core_entry"
                    + " where registration_number = ? and account_number = ? and payment_key is null and amount > 0",
                    account.registrationNumber(), account.accountNumber())) {
                sum = sum.add(new BigDecimal(row[0]));
            }
        }
        return sum.setScale(2);
    }

    /** Per account, the suite's postings are the core's entries: as many, none capturing a reservation twice. */
    Check postings() {
        List<String> offending = new ArrayList<>();
        long postings = 0;
        for (DemoAccount account : book.accounts()) {
            List<Posting> all = allPostings(account);
            postings += all.size();
            long entries = Long.parseLong(databases.query("simulator", "select count(*) from core_entry where"
                    + " registration_number = ? and account_number = ?", account.registrationNumber(),
                    account.accountNumber()).getFirst()[0]);
            if (all.size() != entries) {
                offending.add(account.accountId() + ": " + all.size() + " postings, " + entries + " core entries");
            }
            Set<String> reservations = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (Posting posting : all) {
                if (posting.getReservationId() != null && !reservations.add(posting.getReservationId())) {
                    offending.add(account.accountId() + ": reservation " + posting.getReservationId() + " captured twice");
                }
                if (!ids.add(posting.getPostingId())) {
                    offending.add(account.accountId() + ": posting " + posting.getPostingId() + " listed twice");
                }
            }
        }
        return Check.of("0 duplicate postings", postings + " postings, " + offending.size() + " duplicates or gaps",
                offending);
    }

    private List<Posting> allPostings(DemoAccount account) {
        List<Posting> all = new ArrayList<>();
        String cursor = null;
        do {
            String from = cursor;
            PostingPage page = replicas.call("postings of " + account.accountId(),
                    clients -> clients.accounts(account.customerId()).listPostings(account.accountId(), 200, from));
            all.addAll(page.getItems());
            cursor = page.getNextCursor();
        } while (cursor != null);
        return all;
    }

    /**
     * At the core: no payment key booked twice on an account, and each accepted transfer's key (its id) executed
     * as the suite says it ended: ACCEPTED at the core if BOOKED, never ACCEPTED if REJECTED.
     */
    Check executedOnceAtTheCore(TransferOutcomes outcomes) {
        List<String> offending = new ArrayList<>();
        for (String[] row : databases.query("simulator", "select payment_key, registration_number, account_number,"
                + " count(*) from core_entry where payment_key is not null group by 1, 2, 3 having count(*) > 1")) {
            offending.add("payment key " + row[0] + " booked " + row[3] + " times on " + row[1] + "-" + row[2]);
        }
        Map<String, String> coreStatus = new HashMap<>();
        for (String[] row : databases.query("simulator", "select idempotency_key, status from core_payment")) {
            coreStatus.put(row[0], row[1]);
        }
        for (RunBook.AcceptedTransfer transfer : book.transfers().values()) {
            TransferStatus suite = outcomes.of(transfer.transferId());
            String core = coreStatus.get(transfer.transferId().toString());
            if (suite == TransferStatus.BOOKED && !"ACCEPTED".equals(core)) {
                offending.add(transfer.transferId() + " BOOKED in the suite, " + core + " at the core");
            }
            if (suite == TransferStatus.REJECTED && "ACCEPTED".equals(core)) {
                offending.add(transfer.transferId() + " REJECTED in the suite but executed at the core");
            }
        }
        return Check.of("each idempotency key executed at most once at the core, as the suite says",
                coreStatus.size() + " core payments, " + offending.size() + " violations", offending);
    }

    private void requestEntrySync(DemoAccount account) {
        try {
            replicas.call("an entry sync of " + account.accountId(), clients -> {
                clients.entrySync().syncPostingEntries(account.accountId().toString());
                return null;
            });
        } catch (RuntimeException closedOrLater) {
            // a closed account has nothing to sync; the scheduled sync covers the rest
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
