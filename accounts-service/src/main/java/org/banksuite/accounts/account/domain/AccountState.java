package org.banksuite.accounts.account.domain;

/**
 * What a command left the account at, returned to the caller that sent it. {@code version} is the aggregate's version
 * after the command: the sequence number of its last event (0 for the opening; a command that applied nothing
 * answers the version it found), which a read's {@code minVersion} waits for (issue 15).
 */
public record AccountState(String accountId, AccountStatus status, RecordType pendingRecordType, boolean closurePending,
                           long version) {
}
