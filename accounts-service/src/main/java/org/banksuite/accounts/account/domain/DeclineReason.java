package org.banksuite.accounts.account.domain;

/** Why a reservation of funds was declined. Part of the integration contract: do not rename. */
public enum DeclineReason {
    INSUFFICIENT_FUNDS, ACCOUNT_NOT_ACTIVE, CURRENCY_MISMATCH
}
