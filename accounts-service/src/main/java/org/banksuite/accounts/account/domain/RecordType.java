package org.banksuite.accounts.account.domain;

/** The partner core's record type of an account, which decides its product terms there. */
public enum RecordType {
    PERSONAL, SAVINGS, BUSINESS
}
