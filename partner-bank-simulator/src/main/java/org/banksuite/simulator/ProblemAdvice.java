package org.banksuite.simulator;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error as RFC 9457 problem+json with a {@code urn:banksuite:problem:*} type: the simulator's own refusals,
 * Spring MVC's (malformed JSON, an unknown field, 404, 405, 406, 415, typed by status as the suite's services type
 * them), and a catch-all {@code 500 internal-error} that logs and tells nothing of the internals.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(SimulatorProblem.class)
    ResponseEntity<ProblemDetail> problem(SimulatorProblem problem) {
        return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(SimulatorProblem.invalidField(e.getName(), "is not a valid value"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("request failed unexpectedly", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The core failed to handle the request; retry later");
        problem.setType(statusType(500));
        problem.setTitle("Internal Server Error");
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the body is not JSON of the expected shape");
        problem.setType(SimulatorProblem.MALFORMED_REQUEST);
        problem.setTitle("Malformed request");
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            problem.setDetail(field + " is not a field of this request");
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "is not a field of this request")));
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MissingRequestHeaderException missing && "Idempotency-Key".equalsIgnoreCase(missing.getHeaderName())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "a payment needs an Idempotency-Key header");
            problem.setType(SimulatorProblem.IDEMPOTENCY_KEY_MISSING);
            problem.setTitle("Idempotency-Key missing");
            return handleExceptionInternal(ex, problem, headers, status, request);
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    /** Spring MVC's own problems carry {@code about:blank}; give them the suite's type for their status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body == null) {
            body = ProblemDetail.forStatus(status);
        }
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(statusType(status.value()));
        }
        return super.handleExceptionInternal(ex, body, headers, status, request);
    }

    /** The same types as service-kit's {@code StatusProblems}, for the statuses Spring MVC answers by itself. */
    static URI statusType(int status) {
        return SimulatorProblem.type(switch (status) {
            case 400 -> "malformed-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 500 -> "internal-error";
            case 503 -> "service-unavailable";
            default -> "http-" + status;
        });
    }

    private static String path(DatabindException binding) {
        return binding.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? "." + reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
