package org.banksuite.transfers.transfer.web;

import org.banksuite.transfers.transfer.domain.TransferStatus;

/** Where a stored transfer is now, read from its aggregate (not from the view, which may lag behind). */
@FunctionalInterface
interface TransferStatuses {

    /** The status of the transfer {@code transferId}, which must have been stored. */
    TransferStatus of(String transferId);
}
