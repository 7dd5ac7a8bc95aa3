package org.banksuite.transfers.transfer.web;

import java.net.URI;
import org.banksuite.kit.web.SuiteProblemHandler;
import org.banksuite.transfers.transfer.domain.TransferStateConflictException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The problems of support's transfer API, scoped to its controller and ordered before the service's own advice. */
@RestControllerAdvice(assignableTypes = TransferSupportController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TransferSupportProblemHandler extends SuiteProblemHandler {

    static final URI NOT_RESOLVABLE = problemType("transfer-not-resolvable");

    @ExceptionHandler(TransferNotFoundException.class)
    ProblemDetail transferNotFound(TransferNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, ProblemHandler.TRANSFER_NOT_FOUND, "Transfer not found", e.getMessage());
    }

    @ExceptionHandler(TransferStateConflictException.class)
    ProblemDetail notResolvable(TransferStateConflictException e) {
        return problem(HttpStatus.CONFLICT, NOT_RESOLVABLE, "Transfer not resolvable", e.getMessage());
    }

    @ExceptionHandler(ResolutionReasonMissingException.class)
    ProblemDetail reasonMissing(ResolutionReasonMissingException e) {
        return invalid("reason", "must not be blank");
    }
}
