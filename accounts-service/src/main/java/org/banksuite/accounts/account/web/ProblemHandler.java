package org.banksuite.accounts.account.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.banksuite.accounts.account.domain.AccountNotOwnedException;
import org.banksuite.accounts.account.domain.AccountStateConflictException;
import org.banksuite.kit.web.SuiteProblemHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.DatabindException;

import static org.banksuite.accounts.account.web.ProblemTypes.*;

/**
 * Every error of the accounts API as {@code application/problem+json} with a stable type: the suite's common
 * problems from {@link SuiteProblemHandler}, and the accounts API's own.
 */
@RestControllerAdvice
class ProblemHandler extends SuiteProblemHandler {

    /** Another customer's account answers exactly as an unknown one (issue 13: existence is not disclosed). */
    @ExceptionHandler({AccountNotFoundException.class, AggregateNotFoundException.class, AccountNotOwnedException.class})
    ProblemDetail accountNotFound(RuntimeException e) {
        return accountNotFound();
    }

    @ExceptionHandler(CustomerNotFoundException.class)
    ProblemDetail customerNotFound(CustomerNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", "No such customer");
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(AccountStateConflictException.class)
    ProblemDetail stateConflict(AccountStateConflictException e) {
        return problem(HttpStatus.CONFLICT, ACCOUNT_STATE_CONFLICT, "Account state does not allow this", e.getMessage());
    }


    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail refused(IllegalArgumentException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, INVALID_REQUEST, "Invalid request", e.getMessage());
    }

    /** An account id that is not a UUID names no account. */
    @Override
    protected ProblemDetail parameterTypeMismatch(String parameter, MethodArgumentTypeMismatchException e) {
        return "accountId".equals(parameter) ? accountNotFound() : super.parameterTypeMismatch(parameter, e);
    }

    @Override
    protected ProblemDetail unreadableField(String field, DatabindException cause) {
        if ("currency".equals(field)) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, UNSUPPORTED_CURRENCY, "Unsupported currency",
                    "Accounts are held in DKK, EUR, SEK or NOK");
        }
        return super.unreadableField(field, cause);
    }

    private static ProblemDetail accountNotFound() {
        return problem(HttpStatus.NOT_FOUND, ACCOUNT_NOT_FOUND, "Account not found", "No such account");
    }
}
