package org.banksuite.kit.deadletters.web;

import java.net.URI;
import org.banksuite.kit.deadletters.DeadLetterSequenceNotFoundException;
import org.banksuite.kit.deadletters.UnknownProcessingGroupException;
import org.banksuite.kit.web.SuiteProblemHandler;
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

/**
 * The ops API's problems. Scoped to its controllers and ordered first, so that it answers for them whatever advice
 * the service has of its own.
 */
@RestControllerAdvice(assignableTypes = {DeadLettersController.class, AuditController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class OpsProblemHandler extends SuiteProblemHandler {

    static final String SUPPORT_USER = "X-Support-User";
    static final URI SUPPORT_USER_MISSING = problemType("support-user-missing");
    static final URI SEQUENCE_NOT_FOUND = problemType("dead-letter-sequence-not-found");

    @ExceptionHandler(DeadLetterSequenceNotFoundException.class)
    ProblemDetail sequenceNotFound(DeadLetterSequenceNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, SEQUENCE_NOT_FOUND, "Dead-letter sequence not found", e.getMessage());
    }

    @ExceptionHandler(SupportUserMissingException.class)
    ProblemDetail supportUserMissing(SupportUserMissingException e) {
        return supportUserMissing();
    }

    @ExceptionHandler(UnknownProcessingGroupException.class)
    ProblemDetail unknownProcessingGroup(UnknownProcessingGroupException e) {
        return invalid("processingGroup", "has no dead-letter queue in this service");
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
                "Retries and evictions need an X-Support-User header naming who does them");
    }
}
