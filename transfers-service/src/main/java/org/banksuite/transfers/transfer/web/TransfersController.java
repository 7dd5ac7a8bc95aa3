package org.banksuite.transfers.transfer.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.banksuite.kit.idempotency.CreationCommands;
import org.banksuite.kit.idempotency.IdempotentRequests;
import org.banksuite.security.Caller;
import org.banksuite.transfers.account.query.AccountReplica;
import org.banksuite.transfers.api.TransfersApi;
import org.banksuite.transfers.api.model.CreateTransferRequest;
import org.banksuite.transfers.api.model.Transfer;
import org.banksuite.transfers.api.model.TransferAccepted;
import org.banksuite.transfers.api.model.TransferPage;
import org.banksuite.transfers.transfer.domain.TransferState;
import org.banksuite.transfers.transfer.query.TransferViews;
import org.banksuite.transfers.transfer.web.TransferRequestValidation.ValidatedTransfer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The transfers API: checks requests, maps them to commands and queries, and their answers back. Every operation is a
 * customer's (the door lets only role {@code customer} in) and touches that customer's own accounts and transfers
 * only: the caller is the token's subject ({@link Caller}); another customer's account or transfer answers exactly
 * as an unknown one (service-security's README).
 */
@RestController
class TransfersController implements TransfersApi {

    private static final String CREATE_TRANSFER = "create-transfer";
    private static final int DEFAULT_LIMIT = 50;

    private final CommandGateway commands;
    private final TransferViews views;
    private final TransferRequestValidation validation;
    private final IdempotentRequests idempotentRequests;
    private final TransferStatuses statuses;
    private final AccountReplica accounts;
    private final TransferReads reads;

    TransfersController(CommandGateway commands, TransferViews views, TransferRequestValidation validation,
                        IdempotentRequests idempotentRequests, TransferStatuses statuses, AccountReplica accounts,
                        TransferReads reads) {
        this.reads = reads;
        this.commands = commands;
        this.views = views;
        this.validation = validation;
        this.idempotentRequests = idempotentRequests;
        this.statuses = statuses;
        this.accounts = accounts;
    }

    /**
     * The checks run once the Idempotency-Key is claimed, so that a repeated request answers what the first did even
     * when the account or the date changed since; a refused request frees its key for a corrected one. A retry after a
     * crash that stored the transfer but lost the answer answers that transfer as it is now, without checking again.
     * Keys are the caller's own: another customer's same key is another request, never answered with this one's.
     */
    @Override
    public ResponseEntity<TransferAccepted> createTransfer(String idempotencyKey, CreateTransferRequest request) {
        String customerId = Caller.current().subject();
        TransferAccepted accepted = idempotentRequests.create(operationOf(customerId), idempotencyKey, request,
                TransferAccepted.class, transferId -> create(transferId, customerId, request),
                transferId -> TransferApiMapper.accepted(statuses.of(transferId)));
        return ResponseEntity.accepted()
                .location(URI.create("/v1/transfers/" + accepted.getTransferId()))
                .body(accepted);
    }

    private TransferAccepted create(String transferId, String customerId, CreateTransferRequest request) {
        ValidatedTransfer transfer = validation.validate(transferId, customerId, request);
        CreationCommands.sendOnce(commands, transfer.command());
        // the request is the transfer's first event: version 0
        return TransferApiMapper.accepted(new TransferState(transferId, transfer.status(), 0));
    }

    /** See {@link TransferReads#transfer}: an accepted transfer reads as requested until the view has it. */
    @Override
    public ResponseEntity<Transfer> getTransfer(UUID transferId, Long minVersion) {
        return ResponseEntity.ok(TransferApiMapper.transfer(
                reads.transfer(transferId.toString(), Caller.current().subject(), minVersion)));
    }

    /**
     * With {@code minVersion} ({@code <transferId>:<version>}) answered once that transfer is in the account's list at
     * that version ({@link TransferReads#awaitInAccountList}).
     */
    @Override
    public ResponseEntity<TransferPage> listAccountTransfers(UUID accountId, Integer limit, String cursor,
                                                             String minVersion) {
        String id = accountId.toString();
        if (accounts.findOwned(id, Caller.current().subject()).isEmpty()) {
            throw new AccountNotFoundException(id);
        }
        if (minVersion != null) {
            reads.awaitInAccountList(id, minVersion);
        }
        return ResponseEntity.ok(TransferApiMapper.page(
                views.ofAccount(id, limit == null ? DEFAULT_LIMIT : limit, cursor)));
    }

    /**
     * The idempotency records' operation for this customer's transfers: the name and a digest of the customer id
     * (which may be up to 64 code points, more than the operation column holds beside the name), so that each
     * customer's keys are apart.
     */
    static String operationOf(String customerId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(customerId.getBytes(StandardCharsets.UTF_8));
            return CREATE_TRANSFER + "/" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
