package org.banksuite.adapter.operationlog.web;

import java.net.URI;
import org.banksuite.adapter.account.web.CoreAccountNotOpenForSyncException;
import org.banksuite.kit.web.SuiteProblemHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every error of the adapter's API as {@code application/problem+json}: the suite's common ones and its own. */
@RestControllerAdvice
class ProblemHandler extends SuiteProblemHandler {

    static final URI CORE_OPERATION_NOT_FOUND = problemType("core-operation-not-found");
    static final URI CORE_ACCOUNT_NOT_OPEN = problemType("core-account-not-open");

    @ExceptionHandler(CoreOperationNotFoundException.class)
    ProblemDetail operationNotFound(CoreOperationNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, CORE_OPERATION_NOT_FOUND, "Core operation not found", e.getMessage());
    }

    @ExceptionHandler(CoreAccountNotOpenForSyncException.class)
    ProblemDetail accountNotOpen(CoreAccountNotOpenForSyncException e) {
        return problem(HttpStatus.NOT_FOUND, CORE_ACCOUNT_NOT_OPEN, "Account not open at the core", e.getMessage());
    }
}
