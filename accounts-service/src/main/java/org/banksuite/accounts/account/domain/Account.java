package org.banksuite.accounts.account.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.banksuite.money.InvalidAmountException;
import org.banksuite.money.Money;

import static org.banksuite.accounts.account.domain.AccountCommand.*;
import static org.banksuite.accounts.account.domain.AccountEvent.*;
import static org.banksuite.accounts.account.domain.AccountStatus.*;

/**
 * A customer's account at the partner core, as the suite keeps it. It holds every invariant of the
 * account's money: a reservation never exceeds what is available, a posting or a reservation id counts
 * once, and an account closes only when it is empty. Commands that the account's state makes meaningless
 * are refused with {@link AccountStateConflictException}; commands repeated after they took effect change
 * nothing, so redelivered messages are harmless. Replays too: an answer of the core applies only to the request it
 * answers (its {@code requestId}, see {@link AccountEvent#requestId(long)}), and a reservation once settled
 * (released, captured, declined, or settled before it was held) is never held again.
 *
 * <p>A customer acts on their own accounts only: a command {@code by} another customer is refused with
 * {@link AccountNotOwnedException} before anything else is decided, so it learns nothing and changes nothing (the
 * owner is the aggregate's, never the query side's, so an owner acting on an account opened a moment ago is not
 * refused because the view lags). Staff act on any account; the API's door decides which staff may.
 *
 * <p>Snapshots of revision 2 keep the owner; older snapshots (stored without a revision) did not and are ignored by
 * Axon's revision snapshot filter, so such an account is loaded from its events until its next snapshot.
 */
@Revision("2")
public class Account extends EventSourcedAccount {

    protected Account() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Account(OpenAccount command) {
        if (command.customerId() == null || command.customerId().isBlank()) {
            throw new IllegalArgumentException("customerId is required");
        }
        AggregateLifecycle.apply(new AccountOpened(command.accountId(), command.customerId(), command.currency(),
                command.recordType()));
    }

    @CommandHandler
    public AccountState handle(ActivateAccount command) {
        if (command.accountNumber().equals(accountNumber) && command.registrationNumber().equals(registrationNumber)) {
            return state(); // activated before: a redelivery or a replay, whatever happened to the account since
        }
        requireStatus("activate", PENDING_ACTIVATION);
        AggregateLifecycle.apply(new AccountActivated(accountId, command.registrationNumber(), command.accountNumber()));
        return state();
    }

    @CommandHandler
    public AccountState handle(RejectAccountOpening command) {
        if (status == REJECTED || registrationNumber != null) {
            return state(); // the opening was answered before (activated, maybe closed since): a stale answer
        }
        requireStatus("reject the opening of", PENDING_ACTIVATION);
        AggregateLifecycle.apply(new AccountOpeningRejected(accountId, command.reason()));
        return state();
    }

    @CommandHandler
    public void handle(ReserveFunds command) {
        if (!command.amount().isPositive()) {
            throw new InvalidAmountException("a reservation must be positive, was " + command.amount().toPlainString());
        }
        if (ledger.knowsReservation(command.reservationId()) || ledger.mayHaveSettled(command.requestedAt())) {
            return;
        }
        DeclineReason declined = reasonToDecline(command.amount());
        if (declined != null) {
            AggregateLifecycle.apply(new FundsReservationDeclined(accountId, command.reservationId(), command.amount(), declined));
        } else {
            AggregateLifecycle.apply(new FundsReserved(accountId, command.reservationId(), command.amount()));
        }
    }

    @CommandHandler
    public void handle(ReleaseReservation command) {
        ledger.hold(command.reservationId()).ifPresent(held ->
                AggregateLifecycle.apply(new ReservationReleased(accountId, command.reservationId(), held)));
        settleUnheld(command.reservationId());
    }

    @CommandHandler
    public void handle(BookPosting command) {
        Money amount = command.amount();
        requireBookable(amount);
        settleUnheld(command.reservationId()); // a booked transfer's reservation may never be held afterwards
        if (ledger.hasBooked(command.postingId())) {
            settleHold(command.reservationId()); // booked before from the core's entry: the money has left already
            return;
        }
        book(command.postingId(), amount, command.text(), command.reservationId());
    }

    /**
     * Books an entry the core booked on this account, exactly once whoever booked it first. A keyed entry books under
     * the posting id of the suite's own booking of the same transfer side ({@link BookCoreEntry#postingId()}): when
     * the suite booked it already, the entry changes no balance; when the entry comes first, it books and captures
     * the transfer's hold, and the suite's later booking only settles what is left. The core's amount is the truth:
     * an entry whose amount differs from the suite's posting of the same side books the difference as its own posting
     * {@code core:<entryId>} (once), so the booked balance equals the core's, and nothing is swallowed or blocked.
     * A suite booking that differs from an entry booked before books nothing (the core's amount stands).
     *
     * @throws InvalidAmountException         for a zero entry or one in another currency than the account's
     * @throws AccountStateConflictException  on an account not activated, rejected or closed
     */
    @CommandHandler
    public void handle(BookCoreEntry command) {
        Money amount = command.amount();
        requireBookable(amount);
        String postingId = command.postingId();
        if (!ledger.hasBooked(postingId)) {
            book(postingId, amount, command.text(), command.reservationId());
            return;
        }
        Money difference = ledger.bookedAmount(postingId).map(amount::minus).orElse(Money.zero(currency));
        String differenceId = command.entryPostingId();
        if (!difference.isZero() && !ledger.hasBooked(differenceId)) {
            book(differenceId, difference, command.text() + " (core entry " + command.entryId() + " differs from "
                    + postingId + " by " + difference.toPlainString() + ")", null);
        }
        settleHold(command.reservationId());
    }

    private void requireBookable(Money amount) {
        if (amount.currency() != currency) {
            throw new InvalidAmountException("posting in " + amount.currency() + " on an account held in " + currency);
        }
        if (amount.isZero()) {
            throw new InvalidAmountException("a posting must move money");
        }
    }

    private void book(String postingId, Money amount, String text, String reservationId) {
        if (status == PENDING_ACTIVATION || status == REJECTED || status == CLOSED) {
            throw new AccountStateConflictException("cannot book a posting on a " + status + " account");
        }
        Money captured = reservationId == null ? null : ledger.hold(reservationId).orElse(null);
        String capturedReservation = captured == null ? null : reservationId;
        AggregateLifecycle.apply(new PostingBooked(accountId, postingId, amount, text, capturedReservation, captured,
                ledger.booked().plus(amount)));
    }

    /** Ends a hold still held for a posting that was booked without capturing it (the core's entry came first). */
    private void settleHold(String reservationId) {
        if (reservationId != null) {
            ledger.hold(reservationId).ifPresent(held ->
                    AggregateLifecycle.apply(new ReservationReleased(accountId, reservationId, held)));
        }
    }

    @CommandHandler
    public AccountState handle(BlockAccount command) {
        requireActor(command.by());
        if (status == BLOCKED) {
            return state();
        }
        requireStatus("block", ACTIVE);
        AggregateLifecycle.apply(new AccountBlocked(accountId, command.reason()));
        return state();
    }

    @CommandHandler
    public AccountState handle(UnblockAccount command) {
        if (status == ACTIVE) {
            return state();
        }
        requireStatus("unblock", BLOCKED);
        AggregateLifecycle.apply(new AccountUnblocked(accountId));
        return state();
    }

    @CommandHandler
    public AccountState handle(RequestRecordTypeChange command) {
        requireActor(command.by());
        if (command.recordType() == pendingRecordType) {
            return state();
        }
        requireOpenForChanges("change the record type of");
        if (pendingRecordType != null) {
            throw new AccountStateConflictException("a change to " + pendingRecordType + " is already pending");
        }
        if (command.recordType() == recordType) {
            throw new AccountStateConflictException("the account already has record type " + recordType);
        }
        AggregateLifecycle.apply(new RecordTypeChangeRequested(accountId, recordType, command.recordType()));
        return state();
    }

    @CommandHandler
    public AccountState handle(ConfirmRecordTypeChange command) {
        if (isStale(command.requestId(), pendingRecordType != null, pendingRecordTypeRequest)) {
            return state();
        }
        if (pendingRecordType == null && command.recordType() == recordType) {
            return state();
        }
        if (command.recordType() != pendingRecordType) {
            throw new AccountStateConflictException("the core confirmed " + command.recordType()
                    + " but the pending change is to " + pendingRecordType);
        }
        AggregateLifecycle.apply(new RecordTypeChanged(accountId, command.recordType()));
        return state();
    }

    @CommandHandler
    public AccountState handle(RefuseRecordTypeChange command) {
        if (pendingRecordType != null && !isStale(command.requestId(), true, pendingRecordTypeRequest)) {
            AggregateLifecycle.apply(new RecordTypeChangeRefused(accountId, pendingRecordType, command.reason()));
        }
        return state();
    }

    @CommandHandler
    public AccountState handle(RequestClosure command) {
        requireActor(command.by());
        if (closurePending) {
            return state();
        }
        requireOpenForChanges("close");
        if (pendingRecordType != null) {
            throw new AccountStateConflictException("a record-type change is pending");
        }
        if (!ledger.isEmpty()) {
            throw new AccountStateConflictException("an account closes only with a zero balance and no reservations;"
                    + " booked " + ledger.booked().toPlainString() + ", reserved " + ledger.reserved().toPlainString());
        }
        AggregateLifecycle.apply(new AccountClosureRequested(accountId));
        return state();
    }

    @CommandHandler
    public AccountState handle(ConfirmClosure command) {
        if (status == CLOSED || isStale(command.requestId(), closurePending, pendingClosureRequest)) {
            return state();
        }
        if (!closurePending) {
            throw new AccountStateConflictException("the core confirmed a closure that was not requested");
        }
        if (!ledger.isEmpty()) {
            // the core closes only an empty account: its entries up to the closure are not all booked here yet
            throw new AccountStateConflictException("the core closed the account, but its ledger still holds booked "
                    + ledger.booked().toPlainString() + ", reserved " + ledger.reserved().toPlainString());
        }
        AggregateLifecycle.apply(new AccountClosed(accountId));
        return state();
    }

    @CommandHandler
    public AccountState handle(RefuseClosure command) {
        if (closurePending && !isStale(command.requestId(), true, pendingClosureRequest)) {
            AggregateLifecycle.apply(new AccountClosureRefused(accountId, command.reason()));
        }
        return state();
    }

    /**
     * A reservation settled (released or captured) before any hold was placed for it is remembered as settled, by a
     * release of nothing, so that its request, arriving late or replayed, never holds money that nothing releases.
     */
    private void settleUnheld(String reservationId) {
        if (reservationId != null && !ledger.knowsReservation(reservationId)) {
            AggregateLifecycle.apply(new ReservationReleased(accountId, reservationId, Money.zero(currency)));
        }
    }

    /**
     * Whether an answer of the core names another request than the pending one (or none is pending): an earlier
     * request's answer, redelivered or replayed, which must not settle the current one. An answer naming no request
     * (published before answers named theirs), or a request pending since before requests had ids, is not stale.
     */
    private static boolean isStale(String answeredRequest, boolean pending, String pendingRequest) {
        if (answeredRequest == null) {
            return false;
        }
        return !pending || (pendingRequest != null && !answeredRequest.equals(pendingRequest));
    }

    private DeclineReason reasonToDecline(Money amount) {
        if (status != ACTIVE || closurePending) {
            return DeclineReason.ACCOUNT_NOT_ACTIVE;
        }
        if (amount.currency() != currency) {
            return DeclineReason.CURRENCY_MISMATCH;
        }
        if (ledger.available().isLessThan(amount)) {
            return DeclineReason.INSUFFICIENT_FUNDS;
        }
        return null;
    }

    /** A customer acts on their own account only; to anyone else it is as if it did not exist. */
    private void requireActor(Actor by) {
        if (by == null || !by.mayActOn(customerId)) {
            throw new AccountNotOwnedException(accountId);
        }
    }

    private void requireStatus(String action, AccountStatus required) {
        if (status != required) {
            throw new AccountStateConflictException("cannot " + action + " an account that is " + status);
        }
    }

    private void requireOpenForChanges(String action) {
        if (status != ACTIVE && status != BLOCKED) {
            throw new AccountStateConflictException("cannot " + action + " an account that is " + status);
        }
    }


}
