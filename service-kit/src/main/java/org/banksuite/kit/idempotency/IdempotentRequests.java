package org.banksuite.kit.idempotency;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs creating requests once per Idempotency-Key. The same key with the same body answers the first
 * response again; with another body it is refused; a concurrent duplicate waits briefly for the first and
 * then answers "in progress". The resource id is fixed when the key is first claimed.
 *
 * <p>A retry with a known key answers with the resource that key created, whatever changed since: when the claim was
 * never completed (the first request crashed, or timed out, after its work) and the resource under the claimed id was
 * stored ({@link StoredResources}), the retry answers that resource's current state and completes the key, without
 * running the work (and its checks against today's state) again. Only when nothing was stored does a retry after
 * {@link #STALE_AFTER} run the work again, with that same id, so a crash at any point creates the resource once (see
 * {@link CreationCommands}). A key is released for a corrected request only when the work refused it and nothing was
 * stored under its id.
 */
public class IdempotentRequests {

    private record Response(int status, String body) {
    }

    private static final int ACCEPTED = 202;

    private static final Duration STALE_AFTER = Duration.ofSeconds(30);
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(3);
    private static final long POLL_MILLIS = 50;

    private final IdempotencyStore store;
    private final JsonMapper json;
    private final StoredResources resources;

    /** {@code resources} tells whether the work of a claim stored its resource (for an aggregate: its events). */
    public IdempotentRequests(IdempotencyStore store, JsonMapper json, StoredResources resources) {
        this.store = store;
        this.json = json;
        this.resources = resources;
    }

    /**
     * Runs {@code create} once for this key and request: it gets the new resource's id and answers what to send
     * back (a 202 body); a repeat of the request gets that answer again, read back as {@code answerType}. When an
     * earlier attempt stored the resource but never recorded its answer, {@code current} answers instead, from the
     * resource's current state (it gets the resource's id). Throws {@link IdempotencyKeyReusedException} for the key
     * with another request, {@link RequestInProgressException} while the first is still running, and whatever
     * {@code create} throws (an {@link IllegalArgumentException} from it releases the key if nothing was stored).
     */
    public <T> T create(String operation, String key, Object request, Class<T> answerType, Function<String, T> create,
                        Function<String, T> current) {
        Response response = execute(operation, key, RequestFingerprint.of(json, request),
                resourceId -> accepted(create.apply(resourceId)), resourceId -> accepted(current.apply(resourceId)));
        return json.readValue(response.body(), answerType);
    }

    private Response accepted(Object answer) {
        return new Response(ACCEPTED, json.writeValueAsString(answer));
    }

    private Response execute(String operation, String key, String requestHash, Function<String, Response> work,
                             Function<String, Response> current) {
        String resourceId = UUID.randomUUID().toString();
        if (store.claim(operation, key, requestHash, resourceId)) {
            return run(operation, key, resourceId, work, current);
        }
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        while (true) {
            IdempotencyStore.StoredRequest first = store.find(operation, key).orElse(null);
            if (first == null) {
                if (store.claim(operation, key, requestHash, resourceId)) {
                    return run(operation, key, resourceId, work, current);
                }
                continue;
            }
            if (!first.requestHash().equals(requestHash)) {
                throw new IdempotencyKeyReusedException();
            }
            if (first.completed()) {
                return new Response(first.responseStatus(), first.responseBody());
            }
            if (resources.exists(first.resourceId())) {
                // the work stored the resource and the answer was lost (a crash, a timeout): answer what it created
                return completeWithCurrent(operation, key, first.resourceId(), current);
            }
            if (store.takeOverStale(operation, key, STALE_AFTER)) {
                return run(operation, key, first.resourceId(), work, current);
            }
            if (System.nanoTime() > deadline) {
                throw new RequestInProgressException();
            }
            pause();
        }
    }

    private Response run(String operation, String key, String resourceId, Function<String, Response> work,
                         Function<String, Response> current) {
        Response response;
        try {
            response = work.apply(resourceId);
        } catch (IllegalArgumentException refused) {
            if (resources.exists(resourceId)) {
                // refused, yet the resource is there (another attempt stored it): the key is that resource's
                return completeWithCurrent(operation, key, resourceId, current);
            }
            // refused and nothing stored: the key is free for a corrected request
            store.release(operation, key);
            throw refused;
        }
        store.complete(operation, key, response.status(), response.body());
        return firstAnswer(operation, key, response);
    }

    private Response completeWithCurrent(String operation, String key, String resourceId,
                                         Function<String, Response> current) {
        Response answer = current.apply(resourceId);
        store.complete(operation, key, answer.status(), answer.body());
        return firstAnswer(operation, key, answer);
    }

    /** The answer recorded for the key: a competing attempt that completed it first keeps its answer. */
    private Response firstAnswer(String operation, String key, Response fallback) {
        return store.find(operation, key).filter(IdempotencyStore.StoredRequest::completed)
                .map(stored -> new Response(stored.responseStatus(), stored.responseBody()))
                .orElse(fallback);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestInProgressException();
        }
    }
}
