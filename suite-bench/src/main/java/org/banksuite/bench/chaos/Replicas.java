package org.banksuite.bench.chaos;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.banksuite.launcher.demo.SuiteClients;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The BFF-facing services as a client with several replicas sees them: each call goes to the next replica in turn,
 * and a call that could not be answered (no connection, no answer within the clients' timeout, a 5xx, a 429, a 409
 * {@code request-in-progress}) is sent again to the next one after a short back-off, until {@link #PATIENCE} is over:
 * what a BFF behind a load balancer does while a replica is dead, paused or restarting. Any other 4xx is the
 * service's answer and is thrown at once. Calls that are retried must be idempotent (a transfer's or an opening's {@code Idempotency-Key} is kept).
 */
public final class Replicas {

    /** Longer than a killed service takes to be restarted and ready on a busy machine. */
    static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final long FIRST_BACK_OFF_MILLIS = 250;
    private static final long LONGEST_BACK_OFF_MILLIS = 4000;

    private final List<SuiteClients> replicas;
    private final AtomicInteger next = new AtomicInteger();

    /** @param replicas one set of clients per replica, each calling its replica of every service */
    public Replicas(List<SuiteClients> replicas) {
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("no replica");
        }
        this.replicas = List.copyOf(replicas);
    }

    /** The first replica's clients, for calls that need no failover (the simulator's admin API). */
    public SuiteClients first() {
        return replicas.getFirst();
    }

    public int count() {
        return replicas.size();
    }

    /**
     * @throws RestClientResponseException the service's 4xx answer (other than 429)
     * @throws GaveUpException             when no replica answered within {@link #PATIENCE}
     */
    public <T> T call(String what, Function<SuiteClients, T> call) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long backOff = FIRST_BACK_OFF_MILLIS;
        int start = Math.floorMod(next.getAndIncrement(), replicas.size());
        for (int attempt = 0; ; attempt++) {
            SuiteClients replica = replicas.get((start + attempt) % replicas.size());
            RuntimeException failure;
            try {
                return call.apply(replica);
            } catch (ResourceAccessException | HttpServerErrorException unanswered) {
                failure = unanswered;
            } catch (RestClientResponseException answered) {
                if (!comeBackLater(answered)) {
                    throw answered;
                }
                failure = answered;
            }
            if (System.nanoTime() > deadline) {
                throw new GaveUpException("gave up " + what + " after " + PATIENCE.toMinutes() + " min: "
                        + failure.getMessage(), failure);
            }
            sleep(backOff);
            backOff = Math.min(LONGEST_BACK_OFF_MILLIS, backOff * 2);
        }
    }

    /** 429, or 409 {@code request-in-progress}: the first request with this idempotency key still runs. */
    private static boolean comeBackLater(RestClientResponseException answered) {
        int status = answered.getStatusCode().value();
        return status == 429 || status == 409 && answered.getResponseBodyAsString().contains("request-in-progress");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GaveUpException("interrupted", e);
        }
    }

    /** No replica answered in time. */
    public static final class GaveUpException extends RuntimeException {
        GaveUpException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
