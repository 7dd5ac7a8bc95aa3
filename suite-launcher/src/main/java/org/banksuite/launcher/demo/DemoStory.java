package org.banksuite.launcher.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.accounts.client.model.RecordType;
import org.banksuite.api.core.client.model.CoreAccount;
import org.banksuite.api.transfers.client.model.RejectionReason;
import org.banksuite.api.transfers.client.model.Transfer;
import org.banksuite.api.transfers.client.model.TransferStatus;

/**
 * The demo's story, step by step: Alice and Bob bank with the suite, Carl holds a SEK account. Each step acts as a
 * BFF or the core would, waits for the outcome users would see, and says what happened. A step that does not end
 * as expected throws {@link UnexpectedOutcomeException}.
 */
final class DemoStory {

    /** Any registration number but the partner bank's own (the simulator's is 1234). */
    static final String ANOTHER_BANK = "5301";
    static final String ANOTHER_BANKS_ACCOUNT = "0012345678";

    record Step(String title, Runnable play) {
    }

    private final AccountSteps accounts;
    private final TransferSteps transfers;
    private final CoreSteps core;
    private final Narrator narrator;
    private final String run;
    private final List<DemoAccount> opened = new ArrayList<>();
    private final Set<String> entityIds = new LinkedHashSet<>();
    private DemoAccount alice;
    private DemoAccount bob;
    private DemoAccount carl;

    DemoStory(SuiteClients clients, Duration patience, Narrator narrator) {
        this.accounts = new AccountSteps(clients, patience);
        this.transfers = new TransferSteps(clients, patience);
        this.core = new CoreSteps(clients);
        this.narrator = narrator;
        this.run = UUID.randomUUID().toString().substring(0, 6);
    }

    List<Step> steps() {
        return List.of(
                new Step("Alice and Bob open accounts; the partner core opens them too", this::openAccounts),
                new Step("Alice's salary arrives at the partner core", this::salary),
                new Step("Alice pays Bob", this::aliceToBob),
                new Step("Alice pays someone at another bank", this::aliceToAnotherBank),
                new Step("Bob tries to pay more than he has", this::bobOverdraws),
                new Step("Carl's SEK account cannot make a domestic transfer", this::sekRefused),
                new Step("Bob turns his account into a savings account", this::recordTypeChange),
                new Step("Carl closes his empty account", this::closure));
    }

    List<DemoAccount> accounts() {
        return List.copyOf(opened);
    }

    Set<String> entityIds() {
        return Set.copyOf(entityIds);
    }

    private void openAccounts() {
        UUID aliceId = open("Alice", Currency.DKK);
        UUID bobId = open("Bob", Currency.DKK);
        alice = activated("Alice", aliceId);
        bob = activated("Bob", bobId);
    }

    private void salary() {
        BigDecimal salary = Amounts.of("25000.00");
        String entry = core.injectIncomingPayment(alice, salary, "Salary from ACME A/S");
        say("The partner core booked an incoming payment of " + money(salary) + " to Alice's account "
                + alice.coreNumber() + " (core entry " + entry + "); the suite does not know of it yet.");
        core.requestEntrySync(alice);
        say("Asked the adapter to fetch Alice's new core entries now (it also does so on a schedule).");
        accounts.awaitBookedBalance(alice, salary);
        say("The adapter published the entry on partner-bank.events and accounts-service booked it: Alice has "
                + money(salary) + " in the suite.");
    }

    private void aliceToBob() {
        Transfer booked = booked(transfers.request(alice, TransferSteps.toAccount(bob), Amounts.of("1250.00"),
                "Rent share"), "Alice to Bob, 1250.00 DKK");
        say("Core reference " + booked.getCoreReference() + ".");
        accounts.awaitBookedBalance(alice, Amounts.of("23750.00"));
        accounts.awaitBookedBalance(bob, Amounts.of("1250.00"));
        say("Both sides are booked in the suite: Alice has 23750.00 DKK, Bob 1250.00 DKK.");
    }

    private void aliceToAnotherBank() {
        booked(transfers.request(alice, TransferSteps.toAnotherBank(ANOTHER_BANK, ANOTHER_BANKS_ACCOUNT),
                Amounts.of("3000.00"), "Car repair"), "Alice to " + ANOTHER_BANK + "-" + ANOTHER_BANKS_ACCOUNT
                + " at another bank, 3000.00 DKK");
        accounts.awaitBookedBalance(alice, Amounts.of("20750.00"));
        say("The money left the partner bank: Alice has 20750.00 DKK.");
    }

    private void bobOverdraws() {
        UUID id = transfers.request(bob, TransferSteps.toAnotherBank(ANOTHER_BANK, ANOTHER_BANKS_ACCOUNT),
                Amounts.of("5000.00"), "New bicycle");
        entityIds.add(id.toString());
        say("Requested transfer " + id + ": Bob to another bank, 5000.00 DKK, with 1250.00 DKK on his account.");
        Transfer transfer = transfers.awaitFinal(id);
        if (transfer.getStatus() != TransferStatus.REJECTED
                || transfer.getRejectionReason() != RejectionReason.INSUFFICIENT_FUNDS) {
            throw new UnexpectedOutcomeException("expected REJECTED for INSUFFICIENT_FUNDS, but the transfer is "
                    + transfer.getStatus() + " (" + transfer.getRejectionReason() + ")");
        }
        accounts.awaitBookedBalance(bob, Amounts.of("1250.00"));
        say("It is REJECTED for INSUFFICIENT_FUNDS: accounts-service declined to reserve the amount. Bob still has"
                + " 1250.00 DKK and nothing on hold.");
    }

    private void sekRefused() {
        carl = activated("Carl", open("Carl", Currency.SEK));
        Refusal refusal = transfers.requestRefused(carl, TransferSteps.toAccount(alice), Amounts.of("100.00"),
                "Birthday present");
        String expected = TransferSteps.PROBLEM + "debtor-account-currency-not-allowed";
        if (refusal.status() != 422 || !refusal.type().equals(expected)) {
            throw new UnexpectedOutcomeException("expected 422 " + expected + ", got " + refusal);
        }
        say("transfers-service refused a 100.00 DKK transfer from it at once: " + refusal.status() + " "
                + refusal.type() + " (\"" + refusal.detail() + "\"). Nothing was created.");
    }

    private void recordTypeChange() {
        accounts.requestRecordTypeChange(bob, RecordType.SAVINGS);
        say("Requested the change from PERSONAL to SAVINGS; it is pending until the core confirms.");
        accounts.awaitRecordType(bob, RecordType.SAVINGS);
        CoreAccount atTheCore = core.read(bob);
        if (!"SAVINGS".equals(atTheCore.getRecordType())) {
            throw new UnexpectedOutcomeException("the suite shows SAVINGS but the core " + atTheCore.getRecordType());
        }
        say("The core changed it and the suite shows it: Bob's account is SAVINGS on both sides.");
    }

    private void closure() {
        accounts.requestClosure(carl);
        say("Requested the closure of Carl's SEK account " + carl.coreNumber() + " (balance 0.00 SEK).");
        accounts.awaitClosed(carl);
        CoreAccount atTheCore = core.read(carl);
        if (atTheCore.getStatus() != CoreAccount.StatusEnum.CLOSED) {
            throw new UnexpectedOutcomeException("the suite shows CLOSED but the core " + atTheCore.getStatus());
        }
        say("The core closed it, then the suite: CLOSED on both sides.");
    }

    private UUID open(String holder, Currency currency) {
        String customer = holder.toLowerCase() + "-" + run;
        UUID id = accounts.open(customer, currency, RecordType.PERSONAL);
        entityIds.add(id.toString());
        say(holder + " (customer " + customer + ") asked for a " + currency + " account: " + id
                + ", PENDING_ACTIVATION until the core opens it.");
        return id;
    }

    private DemoAccount activated(String holder, UUID id) {
        DemoAccount account = accounts.awaitActive(holder, id);
        opened.add(account);
        say("The adapter opened " + holder + "'s account at the core as " + account.coreNumber()
                + "; the suite shows it ACTIVE.");
        return account;
    }

    private Transfer booked(UUID id, String what) {
        entityIds.add(id.toString());
        say("Requested transfer " + id + ": " + what + ".");
        Transfer transfer = transfers.awaitFinal(id);
        if (transfer.getStatus() != TransferStatus.BOOKED) {
            throw new UnexpectedOutcomeException("expected BOOKED, but the transfer is " + transfer.getStatus()
                    + " (" + transfer.getRejectionReason() + ": " + transfer.getRejectionDetail() + ")");
        }
        say("It is BOOKED: funds reserved by accounts-service, paid at the core through adapter and proxy.");
        return transfer;
    }

    private void say(String sentence) {
        narrator.say(sentence);
    }

    private static String money(BigDecimal amount) {
        return Amounts.text(amount) + " DKK";
    }
}
