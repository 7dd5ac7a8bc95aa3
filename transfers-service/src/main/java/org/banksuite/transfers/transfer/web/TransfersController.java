package org.banksuite.transfers.transfer.web;

import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.banksuite.kit.idempotency.CreationCommands;
import org.banksuite.kit.idempotency.IdempotentRequests;
import org.banksuite.transfers.api.TransfersApi;
import org.banksuite.transfers.api.model.CreateTransferRequest;
import org.banksuite.transfers.api.model.Transfer;
import org.banksuite.transfers.api.model.TransferAccepted;
import org.banksuite.transfers.api.model.TransferPage;
import org.banksuite.transfers.transfer.query.TransferViews;
import org.banksuite.transfers.transfer.web.TransferRequestValidation.ValidatedTransfer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The transfers API: checks requests, maps them to commands and queries, and their answers back. */
@RestController
class TransfersController implements TransfersApi {

    private static final String CREATE_TRANSFER = "create-transfer";
    private static final int DEFAULT_LIMIT = 50;

    private final CommandGateway commands;
    private final TransferViews views;
    private final TransferRequestValidation validation;
    private final IdempotentRequests idempotentRequests;
    private final TransferStatuses statuses;

    TransfersController(CommandGateway commands, TransferViews views, TransferRequestValidation validation,
                        IdempotentRequests idempotentRequests, TransferStatuses statuses) {
        this.commands = commands;
        this.views = views;
        this.validation = validation;
        this.idempotentRequests = idempotentRequests;
        this.statuses = statuses;
    }

    /**
     * The checks run once the Idempotency-Key is claimed, so that a repeated request answers what the first did even
     * when the account or the date changed since; a refused request frees its key for a corrected one. A retry after a
     * crash that stored the transfer but lost the answer answers that transfer as it is now, without checking again.
     */
    @Override
    public ResponseEntity<TransferAccepted> createTransfer(String idempotencyKey, CreateTransferRequest request) {
        TransferAccepted accepted = idempotentRequests.create(CREATE_TRANSFER, idempotencyKey, request,
                TransferAccepted.class, transferId -> create(transferId, request),
                transferId -> TransferApiMapper.accepted(transferId, statuses.of(transferId)));
        return ResponseEntity.accepted()
                .location(URI.create("/v1/transfers/" + accepted.getTransferId()))
                .body(accepted);
    }

    private TransferAccepted create(String transferId, CreateTransferRequest request) {
        ValidatedTransfer transfer = validation.validate(transferId, request);
        CreationCommands.sendOnce(commands, transfer.command());
        return TransferApiMapper.accepted(transferId, transfer.status());
    }

    @Override
    public ResponseEntity<Transfer> getTransfer(UUID transferId) {
        return ResponseEntity.ok(views.find(transferId.toString()).map(TransferApiMapper::transfer)
                .orElseThrow(() -> new TransferNotFoundException(transferId.toString())));
    }

    @Override
    public ResponseEntity<TransferPage> listAccountTransfers(UUID accountId, Integer limit, String cursor) {
        return ResponseEntity.ok(TransferApiMapper.page(
                views.ofAccount(accountId.toString(), limit == null ? DEFAULT_LIMIT : limit, cursor)));
    }
}
