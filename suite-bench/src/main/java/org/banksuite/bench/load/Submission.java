package org.banksuite.bench.load;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * What a {@link TransferTarget} promises for one sent transfer.
 *
 * @param answer     completes when the target answered the request (any status)
 * @param completion completes when the transfer is booked or rejected; the load generator stops waiting after the
 *                   run's drain time and counts it as never completed. A target that books synchronously (the naive
 *                   baseline) completes it with the answer's time.
 */
public record Submission(CompletableFuture<Answer> answer, CompletableFuture<Completion> completion) {

    /**
     * The target's answer to the request.
     *
     * @param status         the HTTP status (202 for the suite, 201 for the baseline; anything else is an error)
     * @param answeredNanos  {@link System#nanoTime()} when the answer arrived
     * @param transferId     the transfer's id from the answer, or {@code null} when refused
     */
    public record Answer(int status, long answeredNanos, String transferId) {
    }

    /**
     * The transfer's end.
     *
     * @param booked true for booked, false for rejected
     * @param at     the wall-clock time it completed (the suite: the {@code TransferBooked} event's {@code ce_time};
     *               the baseline: when the 201 arrived)
     */
    public record Completion(boolean booked, Instant at) {
    }

    /** A submission whose answer and completion are known at once: a synchronous target's 2xx (booked at the answer). */
    public static Submission bookedOnAnswer(int status, long answeredNanos, String transferId, Instant answeredAt) {
        return new Submission(CompletableFuture.completedFuture(new Answer(status, answeredNanos, transferId)),
                CompletableFuture.completedFuture(new Completion(true, answeredAt)));
    }
}
