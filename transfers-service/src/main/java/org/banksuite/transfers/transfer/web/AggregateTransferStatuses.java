package org.banksuite.transfers.transfer.web;

import org.axonframework.config.Configuration;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.banksuite.transfers.transfer.domain.Transfer;
import org.banksuite.transfers.transfer.domain.TransferStatus;
import org.springframework.stereotype.Component;

/** Loads the transfer from its event store in a unit of work of its own and reads its status. */
@Component
class AggregateTransferStatuses implements TransferStatuses {

    private final Configuration axon;

    AggregateTransferStatuses(Configuration axon) {
        this.axon = axon;
    }

    @Override
    public TransferStatus of(String transferId) {
        return DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> axon.repository(Transfer.class).load(transferId).invoke(Transfer::status))
                .getPayload();
    }
}
