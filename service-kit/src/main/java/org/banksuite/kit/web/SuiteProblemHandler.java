package org.banksuite.kit.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jakarta.validation.ConstraintViolationException;
import org.banksuite.kit.idempotency.IdempotencyKeyReusedException;
import org.banksuite.kit.idempotency.RequestInProgressException;
import org.banksuite.kit.query.InvalidCursorException;
import org.banksuite.kit.query.InvalidMinVersionException;
import org.banksuite.kit.query.ViewBehindException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The problems every REST API of the suite answers alike, as {@code application/problem+json} with a stable
 * {@code type}: a body that is not JSON of the expected shape, a missing or empty {@code Idempotency-Key}, fields
 * that fail bean validation ({@code invalid-request} with {@code errors}), a reused key, a duplicate still in
 * progress. A service's {@code @RestControllerAdvice} extends it, adds the handlers of its own problems, and may
 * override the hooks {@link #unreadableField}, {@link #invalidFields} and {@link #parameterTypeMismatch} where its
 * API gives a field its own problem type. Spring MVC's own refusals (404 no such path, 405, 406, 415, ...) get the
 * suite's type for their status ({@link StatusProblems}), and anything unexpected answers {@code 500 internal-error}
 * without internals, logged with its stack trace.
 */
public abstract class SuiteProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(SuiteProblemHandler.class);

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    public static final URI MALFORMED_REQUEST = problemType("malformed-request");
    public static final URI IDEMPOTENCY_KEY_MISSING = problemType("idempotency-key-missing");
    public static final URI IDEMPOTENCY_KEY_REUSED = problemType("idempotency-key-reused");
    public static final URI REQUEST_IN_PROGRESS = problemType("request-in-progress");
    public static final URI INVALID_REQUEST = problemType("invalid-request");
    public static final URI VIEW_BEHIND = problemType("view-behind");

    private static final String IDEMPOTENCY_KEY_PARAMETER = "idempotencyKey";

    /** The suite's problem type URI for {@code name}, e.g. {@code urn:banksuite:problem:invalid-request}. */
    public static URI problemType(String name) {
        return URI.create("urn:banksuite:problem:" + name);
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    public ProblemDetail keyReused(IdempotencyKeyReusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, IDEMPOTENCY_KEY_REUSED, "Idempotency-Key reused", e.getMessage());
    }

    @ExceptionHandler(InvalidCursorException.class)
    ProblemDetail invalidCursor(InvalidCursorException e) {
        return invalid("cursor", e.getMessage());
    }

    @ExceptionHandler(InvalidMinVersionException.class)
    ProblemDetail invalidMinVersion(InvalidMinVersionException e) {
        return invalid("minVersion", e.getMessage());
    }

    @ExceptionHandler(RequestInProgressException.class)
    public ResponseEntity<ProblemDetail> inProgress(RequestInProgressException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.CONFLICT, REQUEST_IN_PROGRESS, "Request in progress", e.getMessage()));
    }

    /** A read's {@code minVersion} not reached within the wait bound: 503, retry after a second (issue 15). */
    @ExceptionHandler(ViewBehindException.class)
    public ResponseEntity<ProblemDetail> viewBehind(ViewBehindException e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, VIEW_BEHIND, "View behind", e.getMessage());
        problem.setProperty("minVersion", e.minVersion());
        if (e.viewVersion() != null) {
            problem.setProperty("viewVersion", e.viewVersion());
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    /** Parameter constraints checked by the controller's {@code @Validated} proxy (a limit out of range, say). */
    @ExceptionHandler(ConstraintViolationException.class)
    public ProblemDetail constraintViolated(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(violation -> fieldError(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
                .toList();
        if (errors.stream().anyMatch(SuiteProblemHandler::isIdempotencyKey)) {
            return idempotencyKeyInvalid();
        }
        return invalid("Some parameters are invalid", errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return parameterTypeMismatch(e.getName(), e);
    }

    /**
     * A field of the body that JSON could not bind (an enum value not in the list, a UUID that is none);
     * {@code field} is its path, e.g. {@code creditor.accountId}. By default {@code invalid-request} naming it.
     */
    protected ProblemDetail unreadableField(String field, DatabindException cause) {
        return invalid(field, "has an invalid value");
    }

    /** Fields of the body that failed bean validation. By default {@code invalid-request} listing them all. */
    protected ProblemDetail invalidFields(List<FieldError> errors) {
        return invalid("Some fields are missing or invalid", errors.stream()
                .map(error -> fieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList());
    }

    /** A path or query parameter not of its type. By default {@code invalid-request} naming it. */
    protected ProblemDetail parameterTypeMismatch(String parameter, MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        return invalid(parameter, "is not a valid " + (type == null ? "value" : type.getSimpleName()));
    }

    /** The catch-all: a bug or an outage, never the client's fault; no detail leaves the service. */
    @ExceptionHandler(Exception.class)
    public ProblemDetail unexpected(Exception e) {
        log.error("request failed unexpectedly", e);
        return StatusProblems.of(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    /** Spring MVC's own problems carry {@code about:blank}; give them the suite's type for their status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return super.handleExceptionInternal(e, StatusProblems.typed(body, status), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, MALFORMED_REQUEST, "Malformed request",
                    field + " is not a field of this request");
            problem.setProperty("errors", List.of(fieldError(field, "is not a field of this request")));
            return body(problem);
        }
        if (cause instanceof DatabindException binding && !(cause instanceof StreamReadException)
                && !binding.getPath().isEmpty()) {
            return body(unreadableField(path(binding), binding));
        }
        return body(problem(HttpStatus.BAD_REQUEST, MALFORMED_REQUEST, "Malformed request",
                "The request body is not JSON of the expected shape"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(invalidFields(e.getBindingResult().getFieldErrors()));
    }

    /** Spring's own method validation, where a controller is not {@code @Validated}: the same answers as above. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> bodyErrors = e.getParameterValidationResults().stream()
                .filter(ParameterErrors.class::isInstance)
                .flatMap(result -> ((ParameterErrors) result).getFieldErrors().stream())
                .toList();
        List<Map<String, String>> parameterErrors = e.getParameterValidationResults().stream()
                .filter(result -> !(result instanceof ParameterErrors))
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> fieldError(
                        String.valueOf(result.getMethodParameter().getParameterName()),
                        String.valueOf(error.getDefaultMessage()))))
                .toList();
        if (parameterErrors.stream().anyMatch(SuiteProblemHandler::isIdempotencyKey)) {
            return body(idempotencyKeyInvalid());
        }
        if (parameterErrors.isEmpty() && !bodyErrors.isEmpty()) {
            return body(invalidFields(bodyErrors));
        }
        return body(invalid("Some parameters are invalid", parameterErrors));
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

    /** {@code invalid-request} with one entry in {@code errors}. */
    protected static ProblemDetail invalid(String field, String message) {
        return invalid(field + " " + message, List.of(fieldError(field, message)));
    }

    /** {@code invalid-request} with {@code errors}, each {@code {"field", "message"}}. */
    protected static ProblemDetail invalid(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, INVALID_REQUEST, "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    protected static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    protected static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    protected static ResponseEntity<Object> body(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ProblemDetail idempotencyKeyInvalid() {
        return problem(HttpStatus.BAD_REQUEST, IDEMPOTENCY_KEY_MISSING, "Idempotency-Key invalid",
                "Idempotency-Key must have 1 to 200 characters");
    }

    private static boolean isIdempotencyKey(Map<String, String> error) {
        return IDEMPOTENCY_KEY.equals(error.get("field")) || IDEMPOTENCY_KEY_PARAMETER.equals(error.get("field"));
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** The JSON path of the field, e.g. {@code creditor.accountId} or {@code items[2].amount}. */
    private static String path(DatabindException binding) {
        return binding.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? "." + reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
