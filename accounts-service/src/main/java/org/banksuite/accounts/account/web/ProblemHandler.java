package org.banksuite.accounts.account.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.banksuite.accounts.account.domain.AccountStateConflictException;
import org.banksuite.accounts.account.query.InvalidCursorException;
import org.banksuite.kit.idempotency.IdempotencyKeyReusedException;
import org.banksuite.kit.idempotency.RequestInProgressException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

import static org.banksuite.accounts.account.web.ProblemTypes.*;

/** Every error of the accounts API as {@code application/problem+json} with a stable type. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @ExceptionHandler({AccountNotFoundException.class, AggregateNotFoundException.class})
    ProblemDetail accountNotFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, ACCOUNT_NOT_FOUND, "Account not found", "No such account");
    }

    @ExceptionHandler(AccountStateConflictException.class)
    ProblemDetail stateConflict(AccountStateConflictException e) {
        return problem(HttpStatus.CONFLICT, ACCOUNT_STATE_CONFLICT, "Account state does not allow this", e.getMessage());
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail keyReused(IdempotencyKeyReusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, IDEMPOTENCY_KEY_REUSED, "Idempotency-Key reused", e.getMessage());
    }

    @ExceptionHandler(RequestInProgressException.class)
    ResponseEntity<ProblemDetail> inProgress(RequestInProgressException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.CONFLICT, REQUEST_IN_PROGRESS, "Request in progress", e.getMessage()));
    }

    @ExceptionHandler(InvalidCursorException.class)
    ProblemDetail invalidCursor(InvalidCursorException e) {
        return invalid("cursor", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail refused(IllegalArgumentException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, INVALID_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolated(ConstraintViolationException e) {
        return invalid("Some parameters are invalid", e.getConstraintViolations().stream()
                .map(violation -> fieldError(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
                .toList());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        if ("accountId".equals(e.getName())) {
            return accountNotFound(e);
        }
        return invalid(e.getName(), "is not a valid " + e.getRequiredType().getSimpleName());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof DatabindException binding && !(cause instanceof StreamReadException)
                && !binding.getPath().isEmpty()) {
            String field = binding.getPath().getLast().getPropertyName();
            if ("currency".equals(field)) {
                return body(problem(HttpStatus.UNPROCESSABLE_CONTENT, UNSUPPORTED_CURRENCY, "Unsupported currency",
                        "Accounts are held in DKK, EUR, SEK or NOK"));
            }
            return body(invalid(field, "has an invalid value"));
        }
        return body(problem(HttpStatus.BAD_REQUEST, MALFORMED_REQUEST, "Malformed request",
                "The request body is not JSON of the expected shape"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(invalid("Some fields are missing or invalid", e.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList()));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> fieldError(
                        String.valueOf(result.getMethodParameter().getParameterName()),
                        String.valueOf(error.getDefaultMessage()))))
                .toList();
        if (errors.stream().anyMatch(error -> IDEMPOTENCY_KEY.equals(error.get("field"))
                || "idempotencyKey".equals(error.get("field")))) {
            return body(problem(HttpStatus.BAD_REQUEST, IDEMPOTENCY_KEY_MISSING, "Idempotency-Key invalid",
                    "Idempotency-Key must have 1 to 200 characters"));
        }
        return body(invalid("Some parameters are invalid", errors));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing && IDEMPOTENCY_KEY.equalsIgnoreCase(missing.getHeaderName())) {
            return body(problem(HttpStatus.BAD_REQUEST, IDEMPOTENCY_KEY_MISSING, "Idempotency-Key missing",
                    "Requests that create something need an Idempotency-Key header"));
        }
        return super.handleServletRequestBindingException(e, headers, status, request);
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static ProblemDetail invalid(String field, String message) {
        return invalid(field + " " + message, List.of(fieldError(field, message)));
    }

    private static ProblemDetail invalid(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, INVALID_REQUEST, "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<Object> body(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
