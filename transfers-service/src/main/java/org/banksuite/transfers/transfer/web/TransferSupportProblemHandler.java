package org.banksuite.transfers.transfer.web;

import java.net.URI;
import org.banksuite.kit.deadletters.web.SupportUserMissingException;
import org.banksuite.kit.web.SuiteProblemHandler;
import org.banksuite.transfers.transfer.domain.TransferStateConflictException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/** The problems of support's transfer API, scoped to its controller and ordered before the service's own advice. */
@RestControllerAdvice(assignableTypes = TransferSupportController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TransferSupportProblemHandler extends SuiteProblemHandler {

    static final URI SUPPORT_USER_MISSING = problemType("support-user-missing");
    static final URI NOT_RESOLVABLE = problemType("transfer-not-resolvable");
    private static final String SUPPORT_USER = "X-Support-User";

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

    @ExceptionHandler(SupportUserMissingException.class)
    ProblemDetail supportUserMissing(SupportUserMissingException e) {
        return supportUserMissing();
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing && SUPPORT_USER.equalsIgnoreCase(missing.getHeaderName())) {
            return body(supportUserMissing());
        }
        return super.handleServletRequestBindingException(e, headers, status, request);
    }

    private static ProblemDetail supportUserMissing() {
        return problem(HttpStatus.BAD_REQUEST, SUPPORT_USER_MISSING, "X-Support-User missing",
                "A resolution needs an X-Support-User header naming who asks for it");
    }
}
