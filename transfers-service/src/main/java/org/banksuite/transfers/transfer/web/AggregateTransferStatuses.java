package org.banksuite.transfers.transfer.web;

import org.axonframework.config.Configuration;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.banksuite.transfers.transfer.domain.Transfer;
import org.banksuite.transfers.transfer.domain.TransferState;
import org.springframework.stereotype.Component;

/** Loads the transfer from its event store in a unit of work of its own and reads its status and version. */
@Component
class AggregateTransferStatuses implements TransferStatuses {

    private final Configuration axon;

    AggregateTransferStatuses(Configuration axon) {
        this.axon = axon;
    }

    @Override
    public TransferState of(String transferId) {
        return DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
            var transfer = axon.repository(Transfer.class).load(transferId);
            Long version = transfer.version();
            return new TransferState(transferId, transfer.invoke(Transfer::status), version == null ? 0 : version);
        }).getPayload();
    }
}
