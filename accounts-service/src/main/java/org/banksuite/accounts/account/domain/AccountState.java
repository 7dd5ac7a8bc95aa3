package org.banksuite.accounts.account.domain;

/** What a command left the account at, returned to the caller that sent it. */
public record AccountState(String accountId, AccountStatus status, RecordType pendingRecordType, boolean closurePending) {
}
