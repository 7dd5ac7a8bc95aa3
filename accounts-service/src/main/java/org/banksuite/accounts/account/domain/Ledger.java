package org.banksuite.accounts.account.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;

/**
 * An account's money: the booked balance, the holds on it, and the ids already seen, so that a posting or a
 * reservation asked for twice counts once. Available = booked - held.
 */
public final class Ledger {

    private Money booked;
    // not final: a snapshot restores them by assignment
    private Map<String, Money> holds = new HashMap<>();
    private Set<String> settledReservations = new HashSet<>();
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
        return holds.containsKey(reservationId) || settledReservations.contains(reservationId);
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

    void decline(String reservationId) {
        settledReservations.add(reservationId);
    }

    void release(String reservationId) {
        holds.remove(reservationId);
        settledReservations.add(reservationId);
    }

    void book(String postingId, Money amount, String capturedReservationId) {
        if (capturedReservationId != null) {
            release(capturedReservationId);
        }
        bookedPostings.add(postingId);
        bookedAmounts.put(postingId, amount);
        booked = booked.plus(amount);
    }
}
