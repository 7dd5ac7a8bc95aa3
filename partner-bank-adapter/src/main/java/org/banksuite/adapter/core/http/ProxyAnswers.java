package org.banksuite.adapter.core.http;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.banksuite.adapter.core.CoreAnswer;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a call to the proxy means, from its status (see partner-proxy-v1.yaml): 2xx done; 429 and 503 not served
 * now, with Retry-After; 502, 504 and any other 5xx, a timeout or a reset connection unknown (the core may have done
 * it); other 4xx a refusal, its reason the problem's type and detail. Two things are never the core's answer: a
 * 401/403 (the proxy's door refused the adapter's token, nothing reached the core) and no token at all (the issuer
 * gave none, nothing was sent): both are "not served now", retried after the usual back-off like a lost connection,
 * and never a refusal that would end an operation or reject a payment.
 */
public class ProxyAnswers {

    private static final String PROBLEM_PREFIX = "urn:banksuite:problem:";

    /** The answer, and the HTTP status it came with (null when none came). */
    public record Classified<T>(CoreAnswer<T> answer, Integer httpStatus) {
    }

    private final JsonMapper json;

    public ProxyAnswers(JsonMapper json) {
        this.json = json;
    }

    public <R, T> Classified<T> classify(Supplier<R> request, Function<R, T> map) {
        try {
            return new Classified<>(new CoreAnswer.Done<>(map.apply(request.get())), 200);
        } catch (RestClientResponseException answered) {
            int status = answered.getStatusCode().value();
            return new Classified<>(fromStatus(status, answered), status);
        } catch (RuntimeException failure) {
            if (causedBy(failure, OAuth2AuthorizationException.class)) {
                // the issuer gave no token, so nothing was sent
                return new Classified<>(new CoreAnswer.RetryLater<>(null, "no token for the proxy: "
                        + rootMessage(failure)), null);
            }
            if (failure instanceof ResourceAccessException noAnswer) {
                return new Classified<>(new CoreAnswer.Unknown<>("no answer: " + rootMessage(noAnswer)), null);
            }
            // an answer of an unexpected shape: what the core did is unknown, so it counts as no answer
            return new Classified<>(new CoreAnswer.Unknown<>("unreadable answer: " + rootMessage(failure)), null);
        }
    }

    private <T> CoreAnswer<T> fromStatus(int status, RestClientResponseException answered) {
        String problem = problem(answered.getResponseBodyAsString());
        String reason = problem == null ? "HTTP " + status : problem;
        if (status == 429 || status == 503) {
            return new CoreAnswer.RetryLater<>(retryAfter(answered.getResponseHeaders()), "HTTP " + status
                    + (problem == null ? "" : " " + problem));
        }
        if (status == 401 || status == 403) {
            return new CoreAnswer.RetryLater<>(null, "HTTP " + status + " the proxy did not accept the adapter's token"
                    + (problem == null ? "" : " (" + problem + ")"));
        }
        if (status >= 500) {
            return new CoreAnswer.Unknown<>("HTTP " + status + (problem == null ? "" : " " + problem));
        }
        return new CoreAnswer.Refused<>(status, reason);
    }

    private String problem(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            String type = node.path("type").asString("");
            String detail = node.path("detail").asString("");
            String name = type.startsWith(PROBLEM_PREFIX) ? type.substring(PROBLEM_PREFIX.length()) : type;
            if (name.isEmpty() && detail.isEmpty()) {
                return null;
            }
            return detail.isEmpty() ? name : name + ": " + detail;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** Retry-After in seconds, as the proxy sends it; null when absent or not a number. */
    static Duration retryAfter(HttpHeaders headers) {
        String value = headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
    }
}
