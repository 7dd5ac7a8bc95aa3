package org.banksuite.kit.deadletters.web;

import java.net.URI;
import org.banksuite.kit.deadletters.DeadLetterSequenceNotFoundException;
import org.banksuite.kit.deadletters.UnknownProcessingGroupException;
import org.banksuite.kit.web.SuiteProblemHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The ops API's problems. Scoped to its controllers and ordered first, so that it answers for them whatever advice
 * the service has of its own.
 */
@RestControllerAdvice(assignableTypes = {DeadLettersController.class, AuditController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class OpsProblemHandler extends SuiteProblemHandler {

    static final URI FORBIDDEN = problemType("forbidden");
    static final URI SEQUENCE_NOT_FOUND = problemType("dead-letter-sequence-not-found");

    @ExceptionHandler(DeadLetterSequenceNotFoundException.class)
    ProblemDetail sequenceNotFound(DeadLetterSequenceNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, SEQUENCE_NOT_FOUND, "Dead-letter sequence not found", e.getMessage());
    }

    /** The same problem as the door's for a missing role (service-security's {@code forbidden}). */
    @ExceptionHandler(SupportLeadRequiredException.class)
    ProblemDetail supportLeadRequired(SupportLeadRequiredException e) {
        return problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(UnknownProcessingGroupException.class)
    ProblemDetail unknownProcessingGroup(UnknownProcessingGroupException e) {
        return invalid("processingGroup", "has no dead-letter queue in this service");
    }
}
