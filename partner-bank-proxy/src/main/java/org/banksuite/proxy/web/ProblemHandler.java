package org.banksuite.proxy.web;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.banksuite.proxy.core.CoreFailure;
import org.banksuite.proxy.core.CoreQuotaExceeded;
import org.banksuite.proxy.core.CoreRefusal;
import org.banksuite.proxy.quota.domain.InvalidQuotaLimitsException;
import org.banksuite.proxy.quota.LaneFullException;
import org.banksuite.proxy.quota.QuotaExhaustedException;
import org.banksuite.text.InvalidTextException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every refusal as problem+json with a stable type: the proxy's own (quota, lane, breaker) with Retry-After, the
 * core's failures after the retries, and the core's own 4xx answers passed through unchanged.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final Clock clock;
    private final CircuitBreaker breaker;

    ProblemHandler(Clock clock, CircuitBreaker coreCircuitBreaker) {
        this.clock = clock;
        this.breaker = coreCircuitBreaker;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> quotaExhausted(QuotaExhaustedException refused) {
        return retryLater(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.QUOTA_EXHAUSTED, "Quota exhausted",
                refused.getMessage(), refused.retryAt());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> laneFull(LaneFullException refused) {
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.LANE_FULL, "Lane full", refused.getMessage(),
                refused.retryAt());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> breakerOpen(CallNotPermittedException open) {
        Duration wait = Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.CORE_UNAVAILABLE, "Core unavailable",
                "the core failed repeatedly; nothing is sent to it for a while", clock.instant().plus(wait));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> coreQuotaExceeded(CoreQuotaExceeded refused) {
        return retryLater(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.CORE_QUOTA_EXCEEDED, "Core quota exceeded",
                refused.getMessage(), refused.retryAt());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> coreFailed(CoreFailure failure) {
        log.warn("core call failed after retries: {}", failure.getMessage());
        return switch (failure) {
            case CoreFailure.Timeout timeout -> problem(HttpStatus.GATEWAY_TIMEOUT, ProblemTypes.CORE_TIMEOUT,
                    "Core timeout", failure.getMessage() + "; the outcome is unknown");
            case CoreFailure.BadResponse bad -> problem(HttpStatus.BAD_GATEWAY, ProblemTypes.CORE_BAD_RESPONSE,
                    "Core bad response", failure.getMessage() + "; the outcome is unknown");
            // nothing was done at the core: the caller may simply try again later
            case CoreFailure.NotAuthorized refused -> retryLater(HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemTypes.CORE_UNAVAILABLE, "Core unavailable",
                    "the proxy could not authenticate to the core; the core did nothing", clock.instant().plusSeconds(5));
            default -> problem(HttpStatus.BAD_GATEWAY, ProblemTypes.CORE_ERROR, "Core error",
                    failure.getMessage() + "; the outcome is unknown");
        };
    }

    @ExceptionHandler
    ResponseEntity<byte[]> coreRefused(CoreRefusal refusal) {
        MediaType type = refusal.headers() == null || refusal.headers().getContentType() == null
                ? MediaType.APPLICATION_PROBLEM_JSON : refusal.headers().getContentType();
        return ResponseEntity.status(refusal.status()).contentType(type).body(refusal.body());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidLimits(InvalidQuotaLimitsException invalid) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.INVALID_REQUEST, "Invalid request",
                invalid.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidText(InvalidTextException invalid) {
        ProblemDetail problem = body(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.INVALID_REQUEST, "Invalid request",
                invalid.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", invalid.field(), "message", invalid.problem())));
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The catch-all: a bug, never the caller's fault; logged, and answered without internals. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        log.error("request failed unexpectedly", failure);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.statusType(500), "Internal Server Error",
                "The proxy failed to handle the request; the core was not called for it, or its outcome is unknown");
    }

    /** Spring MVC's own problems carry {@code about:blank}; give them the suite's type for their status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Object typed = body == null ? ProblemDetail.forStatus(status) : body;
        if (typed instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(ProblemTypes.statusType(status.value()));
        }
        return super.handleExceptionInternal(ex, typed, headers, status, request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> storeUnavailable(DataAccessException failure) {
        log.warn("the quota store failed", failure);
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.PROXY_UNAVAILABLE, "Proxy unavailable",
                "the proxy cannot reach its quota store", clock.instant().plusSeconds(1));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "the body is not JSON of the expected shape");
        problem.setType(ProblemTypes.MALFORMED_REQUEST);
        problem.setTitle("Malformed request");
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
            String field = unknown.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null ? "." + reference.getPropertyName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            problem.setDetail(field + " is not a field of this request");
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "is not a field of this request")));
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MissingRequestHeaderException missing
                && "Idempotency-Key".equalsIgnoreCase(missing.getHeaderName())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "a payment needs an Idempotency-Key header");
            problem.setType(ProblemTypes.IDEMPOTENCY_KEY_MISSING);
            problem.setTitle("Idempotency-Key missing");
            return handleExceptionInternal(ex, problem, headers, status, request);
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    private ResponseEntity<ProblemDetail> retryLater(HttpStatus status, URI type, String title, String detail,
                                                     Instant retryAt) {
        long seconds = Math.max(1, (Duration.between(clock.instant(), retryAt).toMillis() + 999) / 1000);
        return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body(status, type, title, detail));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(status, type, title, detail));
    }

    private static ProblemDetail body(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
