package org.banksuite.reconciliation.ledger.web;

import java.net.URI;

import org.banksuite.kit.web.SuiteProblemHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every error of the reconciliation API as {@code application/problem+json} with a stable type: the suite's common
 * problems from {@link SuiteProblemHandler}, and {@code account-not-found}.
 */
@RestControllerAdvice
class ProblemHandler extends SuiteProblemHandler {

    static final URI ACCOUNT_NOT_FOUND = problemType("account-not-found");

    @ExceptionHandler(AccountNotSeenException.class)
    ProblemDetail accountNotSeen(AccountNotSeenException e) {
        return accountNotFound(e.getMessage());
    }

    /** An account id in the path that is not a UUID names no account. */
    @Override
    protected ProblemDetail parameterTypeMismatch(String parameter, MethodArgumentTypeMismatchException e) {
        return "accountId".equals(parameter) && e.getParameter().hasParameterAnnotation(
                org.springframework.web.bind.annotation.PathVariable.class)
                ? accountNotFound("No such account") : super.parameterTypeMismatch(parameter, e);
    }

    private static ProblemDetail accountNotFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, ACCOUNT_NOT_FOUND, "Account not found", detail);
    }
}
