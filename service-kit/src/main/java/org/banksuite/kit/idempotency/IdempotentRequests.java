package org.banksuite.kit.idempotency;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs creating requests once per Idempotency-Key. The same key with the same body answers the first
 * response again; with another body it is refused; a concurrent duplicate waits briefly for the first and
 * then answers "in progress". The resource id is fixed when the key is first claimed; any failure other than a
 * refused request keeps the claim, and a retry after {@link #STALE_AFTER} runs the work again with that same id, so a
 * request retried after a crash creates the same resource, not a second one (see {@link CreationCommands}).
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

    public IdempotentRequests(IdempotencyStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /**
     * Runs {@code create} once for this key and request: it gets the new resource's id and answers what to send
     * back (a 202 body); a repeat of the request gets that answer again, read back as {@code answerType}.
     */
    public <T> T create(String operation, String key, Object request, Class<T> answerType, Function<String, T> create) {
        Response response = execute(operation, key, RequestFingerprint.of(json, request),
                resourceId -> new Response(ACCEPTED, json.writeValueAsString(create.apply(resourceId))));
        return json.readValue(response.body(), answerType);
    }

    private Response execute(String operation, String key, String requestHash, Function<String, Response> work) {
        String resourceId = UUID.randomUUID().toString();
        if (store.claim(operation, key, requestHash, resourceId)) {
            return run(operation, key, resourceId, work);
        }
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        while (true) {
            IdempotencyStore.StoredRequest first = store.find(operation, key).orElse(null);
            if (first == null) {
                if (store.claim(operation, key, requestHash, resourceId)) {
                    return run(operation, key, resourceId, work);
                }
                continue;
            }
            if (!first.requestHash().equals(requestHash)) {
                throw new IdempotencyKeyReusedException();
            }
            if (first.completed()) {
                return new Response(first.responseStatus(), first.responseBody());
            }
            if (store.takeOverStale(operation, key, STALE_AFTER)) {
                return run(operation, key, first.resourceId(), work);
            }
            if (System.nanoTime() > deadline) {
                throw new RequestInProgressException();
            }
            pause();
        }
    }

    private Response run(String operation, String key, String resourceId, Function<String, Response> work) {
        Response response;
        try {
            response = work.apply(resourceId);
        } catch (IllegalArgumentException refused) {
            // refused before anything was written: the key is free for a corrected request
            store.release(operation, key);
            throw refused;
        }
        store.complete(operation, key, response.status(), response.body());
        return response;
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
