package org.banksuite.baseline;

import java.net.URI;

import org.banksuite.baseline.account.UnknownAccountException;
import org.banksuite.baseline.transfer.InsufficientFundsException;
import org.banksuite.baseline.transfer.PublicationFailedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** The baseline's refusals as {@code application/problem+json} with a stable {@code urn:banksuite:problem:baseline-*} type. */
@RestControllerAdvice
class BaselineProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "baseline-invalid-request", e.getMessage());
    }

    @ExceptionHandler(UnknownAccountException.class)
    ProblemDetail unknownAccount(UnknownAccountException e) {
        return problem(HttpStatus.NOT_FOUND, "baseline-unknown-account", e.getMessage());
    }

    @ExceptionHandler(InsufficientFundsException.class)
    ProblemDetail insufficientFunds(InsufficientFundsException e) {
        return problem(HttpStatus.CONFLICT, "baseline-insufficient-funds", e.getMessage());
    }

    @ExceptionHandler(PublicationFailedException.class)
    ProblemDetail notPublished(PublicationFailedException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "baseline-not-published", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:banksuite:problem:" + type));
        return problem;
    }
}
