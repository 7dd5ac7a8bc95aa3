package org.banksuite.transfers.transfer.domain;

import java.util.Set;

/** Why a transfer was rejected. Part of the integration contract: do not rename. */
public enum RejectionReason {
    /** The debtor's account had too little available to reserve the amount. */
    INSUFFICIENT_FUNDS,
    /** The debtor's account is not active (pending, blocked, closing or closed). */
    ACCOUNT_NOT_ACTIVE,
    /** The debtor's account is not held in the transfer's currency. */
    CURRENCY_MISMATCH,
    /** The partner core refused the payment. */
    CORE_REJECTED,
    /** Accounts-service did not answer the reservation in time. Never used once funds are reserved. */
    TIMED_OUT,
    /** The payment never reached the core: it was found not submitted and settled so that it never will be. */
    NOT_SUBMITTED,
    /**
     * Accounts-service declined the reservation for a reason this version of the suite does not know (one added
     * later: the contract tells readers to tolerate them); the rejection's detail names it.
     */
    OTHER;

    private static final Set<RejectionReason> DECLINES = Set.of(INSUFFICIENT_FUNDS, ACCOUNT_NOT_ACTIVE, CURRENCY_MISMATCH);

    /**
     * The reason for accounts-service's decline {@code reason} (as published in {@code FundsReservationDeclined}):
     * one of the declines this version knows, or {@link #OTHER} for anything else, null included. Never throws.
     */
    public static RejectionReason ofAccountDecline(String reason) {
        return DECLINES.stream().filter(known -> known.name().equals(reason)).findFirst().orElse(OTHER);
    }
}
