package org.banksuite.transfers.transfer.web;

import org.banksuite.transfers.transfer.domain.TransferState;

/** Where a stored transfer is now, read from its aggregate (not from the view, which may lag behind). */
@FunctionalInterface
interface TransferStatuses {

    /** The status and version of the transfer {@code transferId}, which must have been stored. */
    TransferState of(String transferId);
}
