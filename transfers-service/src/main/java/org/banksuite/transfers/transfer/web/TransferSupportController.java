package org.banksuite.transfers.transfer.web;

import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.banksuite.kit.deadletters.AuditRecord;
import org.banksuite.kit.deadletters.SupportAudit;
import org.banksuite.security.Caller;
import org.banksuite.transfers.api.TransferSupportApi;
import org.banksuite.transfers.api.model.TransferAccepted;
import org.banksuite.transfers.api.model.TransferResolutionRequest;
import org.banksuite.transfers.transfer.domain.TransferCommand.RequestResolution;
import org.banksuite.transfers.transfer.domain.TransferState;
import org.banksuite.transfers.transfer.domain.TransferStateConflictException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Support's door to a reserved transfer that the core's silence keeps open: it asks for the same resolution as the
 * overdue deadline does, at once, and writes who asked and why (and a refusal too) to the {@link SupportAudit}. Who
 * asked is the caller's token subject (the door admits role {@code support} only); an {@code X-Support-User} header
 * is not read.
 */
@RestController
class TransferSupportController implements TransferSupportApi {

    private final CommandGateway commands;
    private final SupportAudit audit;

    TransferSupportController(CommandGateway commands, SupportAudit audit) {
        this.commands = commands;
        this.audit = audit;
    }

    /**
     * 202 with the transfer's status and version after the request, and where to read it; {@link ResolutionReasonMissingException} (422) without a reason,
     * {@link TransferNotFoundException} (404) for an unknown transfer, {@link TransferStateConflictException} (409) for
     * one that is settled or not reserved. The door has let only role {@code support} in.
     */
    @Override
    public ResponseEntity<TransferAccepted> requestTransferResolution(UUID transferId,
                                                                      TransferResolutionRequest request) {
        String user = Caller.current().subject();
        if (request == null || request.getReason() == null || request.getReason().isBlank()) {
            throw new ResolutionReasonMissingException();
        }
        String id = transferId.toString();
        String reason = request.getReason().strip();
        TransferState state;
        try {
            state = commands.sendAndWait(new RequestResolution(id, reason, user));
        } catch (AggregateNotFoundException unknown) {
            throw new TransferNotFoundException(id);
        } catch (TransferStateConflictException refused) {
            audit.recordEntity(user, AuditRecord.Action.TRANSFER_RESOLUTION_REQUESTED, id, reason,
                    "REFUSED: " + refused.getMessage());
            throw refused;
        }
        audit.recordEntity(user, AuditRecord.Action.TRANSFER_RESOLUTION_REQUESTED, id, reason,
                "REQUESTED: the adapter asks the core for the payment and settles the transfer");
        return ResponseEntity.accepted().location(URI.create("/v1/transfers/" + id))
                .body(TransferApiMapper.accepted(state));
    }
}
