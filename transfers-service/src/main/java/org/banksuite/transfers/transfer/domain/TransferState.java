package org.banksuite.transfers.transfer.domain;

/**
 * Where a command left the transfer, returned to the caller that sent it: its status and its version after the
 * command, the sequence number of its last event (0 for the request; a command that applied nothing answers the
 * version it found), which a read's {@code minVersion} waits for (issue 15).
 */
public record TransferState(String transferId, TransferStatus status, long version) {
}
