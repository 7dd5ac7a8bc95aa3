package org.banksuite.proxy.core;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.http.HttpTimeoutException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.banksuite.proxy.quota.domain.Lane;
import org.banksuite.proxy.quota.LaneScheduler;
import org.banksuite.proxy.quota.SharedQuota;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Every call to the core goes through here: retry around circuit breaker around (the proxy's token, a request from
 * the quota, then the call). Each attempt takes its own request from the quota, so retries never push the core past
 * it; an attempt without a token ({@link CoreTokens}) takes none.
 */
@Component
public class CoreGateway {

    private final LaneScheduler lanes;
    private final SharedQuota quota;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Clock clock;
    private final MeterRegistry meters;
    private final CoreTokens tokens;

    CoreGateway(LaneScheduler lanes, SharedQuota quota, CircuitBreaker coreCircuitBreaker, Retry coreRetry, Clock clock,
                MeterRegistry meters, CoreTokens tokens) {
        this.lanes = lanes;
        this.quota = quota;
        this.breaker = coreCircuitBreaker;
        this.retry = coreRetry;
        this.clock = clock;
        this.meters = meters;
        this.tokens = tokens;
    }

    /**
     * Sends one operation to the core in the lane's turn.
     *
     * @throws CoreFailure, CoreRefusal, CoreQuotaExceeded for the core's answers; the quota's and the breaker's
     *                      refusals when nothing was sent; {@link CoreFailure.NotAuthorized} when the proxy had no
     *                      token or the core refused it
     */
    public <T> T call(String operation, Lane lane, Supplier<T> request) {
        Supplier<T> attempt = () -> {
            tokens.ensure();
            lanes.acquire(lane);
            return timed(operation, request);
        };
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, attempt)).get();
    }

    private <T> T timed(String operation, Supplier<T> request) {
        long started = System.nanoTime();
        String outcome = "ok";
        try {
            return request.get();
        } catch (RuntimeException failure) {
            RuntimeException translated = translate(failure);
            outcome = outcome(translated);
            throw translated;
        } finally {
            Timer.builder("proxy.core.calls").description("calls sent to the core, by operation and answer")
                    .tags("operation", operation, "outcome", outcome).register(meters)
                    .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private RuntimeException translate(RuntimeException failure) {
        if (failure instanceof RestClientResponseException answered) {
            int status = answered.getStatusCode().value();
            if (status == 429) {
                Instant retryAt = clock.instant().plusSeconds(retryAfterSeconds(answered.getResponseHeaders()));
                quota.pauseCoreUntil(retryAt);
                return new CoreQuotaExceeded(retryAt);
            }
            if (status >= 500) {
                return new CoreFailure.ServerError(status, failure);
            }
            if (status == 401 || status == 403) {
                // the core refused the proxy's token, not the caller's request: nothing was done there
                return new CoreFailure.NotAuthorized("the core refused the proxy's token (" + status + ")", failure);
            }
            return new CoreRefusal(status, answered.getResponseHeaders(), answered.getResponseBodyAsByteArray());
        }
        if (failure instanceof ResourceAccessException io) {
            return timedOut(io) ? new CoreFailure.Timeout(io) : new CoreFailure.Unreachable(io);
        }
        if (failure instanceof RestClientException unreadable) {
            return new CoreFailure.BadResponse(unreadable);
        }
        return failure;
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static long retryAfterSeconds(HttpHeaders headers) {
        String value = headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER);
        try {
            return value == null ? 1 : Math.max(1, Long.parseLong(value.trim()));
        } catch (NumberFormatException httpDate) {
            return 1;
        }
    }

    private static String outcome(RuntimeException failure) {
        return switch (failure) {
            case CoreFailure.Timeout timeout -> "timeout";
            case CoreFailure.Unreachable unreachable -> "unreachable";
            case CoreFailure.ServerError error -> Integer.toString(error.status());
            case CoreFailure.BadResponse bad -> "bad_response";
            case CoreFailure.NotAuthorized refused -> "not_authorized";
            case CoreQuotaExceeded refused -> "429";
            case CoreRefusal refusal -> Integer.toString(refusal.status());
            default -> "error";
        };
    }
}
