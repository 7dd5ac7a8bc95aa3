package org.banksuite.accounts.account.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;

/**
 * An account's money: the booked balance, the holds on it, and the ids already seen, so that a posting or a
 * reservation asked for twice counts once. Available = booked - held.
 *
 * <p>Settled reservations (released, captured, declined) are remembered so that a replayed or late request never
 * holds them again. Memory stays bounded: the ledger keeps the {@value #REMEMBERED_SETTLEMENTS} most recent
 * settlements with their times, and for the older ones only the settlement time of the newest one it forgot
 * (its {@code forgottenUntil}). A request made before that time may be one of the forgotten, so it holds nothing
 * ({@code mayHaveSettled}); a live request is never that old, since a transfer gives up on an unanswered reservation
 * after minutes (transfers-service's {@code funds-reservation-timeout}).
 */
public final class Ledger {

    /** How many settled reservations are remembered by id. */
    static final int REMEMBERED_SETTLEMENTS = 1_000;

    private Money booked;
    // not final: a snapshot restores them by assignment
    private Map<String, Money> holds = new HashMap<>();
    /** Ids settled before settlement times were kept: only in snapshots taken before; no longer grows. */
    private Set<String> settledReservations = new HashSet<>();
    /** The most recent settlements, oldest first, with the time each was settled. */
    private LinkedHashMap<String, Instant> recentSettlements = new LinkedHashMap<>();
    /** When the newest forgotten settlement was made; null while none was forgotten. */
    private Instant forgottenUntil;
    private Set<String> bookedPostings = new HashSet<>();
    // the amount each posting booked; empty for postings restored from a snapshot taken before it was kept
    private Map<String, Money> bookedAmounts = new HashMap<>();

    private Ledger() {
        // for snapshots
    }

    Ledger(Currency currency) {
        this.booked = Money.zero(currency);
    }

    Money booked() {
        return booked;
    }

    Money reserved() {
        return holds.values().stream().reduce(Money.zero(booked.currency()), Money::plus);
    }

    Money available() {
        return booked.minus(reserved());
    }

    boolean isEmpty() {
        return booked.isZero() && holds.isEmpty();
    }

    boolean knowsReservation(String reservationId) {
        return holds.containsKey(reservationId) || recentSettlements.containsKey(reservationId)
                || settledReservations.contains(reservationId);
    }

    /**
     * Whether a reservation requested at {@code requestedAt} may be one this ledger settled and forgot: a request
     * made no later than the newest forgotten settlement. A request without a time never is.
     */
    boolean mayHaveSettled(Instant requestedAt) {
        return requestedAt != null && forgottenUntil != null && !requestedAt.isAfter(forgottenUntil);
    }

    Optional<Money> hold(String reservationId) {
        return Optional.ofNullable(holds.get(reservationId));
    }

    boolean hasBooked(String postingId) {
        return bookedPostings.contains(postingId);
    }

    /** The amount a posting booked, when it is known (not for postings from snapshots older than this record). */
    Optional<Money> bookedAmount(String postingId) {
        return Optional.ofNullable(bookedAmounts.get(postingId));
    }

    void reserve(String reservationId, Money amount) {
        holds.put(reservationId, amount);
    }

    void decline(String reservationId, Instant at) {
        settle(reservationId, at);
    }

    void release(String reservationId, Instant at) {
        holds.remove(reservationId);
        settle(reservationId, at);
    }

    void book(String postingId, Money amount, String capturedReservationId, Instant at) {
        if (capturedReservationId != null) {
            release(capturedReservationId, at);
        }
        bookedPostings.add(postingId);
        bookedAmounts.put(postingId, amount);
        booked = booked.plus(amount);
    }

    private void settle(String reservationId, Instant at) {
        recentSettlements.put(reservationId, at);
        Iterator<Instant> oldestFirst = recentSettlements.values().iterator();
        while (recentSettlements.size() > REMEMBERED_SETTLEMENTS) {
            Instant forgotten = oldestFirst.next();
            oldestFirst.remove();
            if (forgottenUntil == null || forgotten.isAfter(forgottenUntil)) {
                forgottenUntil = forgotten;
            }
        }
    }
}
