package org.banksuite.adapter.account.domain;

public enum CoreAccountStatus {
    /** Asked the core to open it; no answer yet. */
    OPENING,
    OPEN,
    /** The core refused to open it. */
    REFUSED,
    CLOSED
}
