package org.banksuite.bench.load;

/**
 * The system the load generator drives: it sends one transfer and later says when that transfer completed.
 * Two implementations: the suite (a 202 answer, then {@code TransferBooked} or {@code TransferRejected} on Kafka)
 * and the naive baseline (a 201 answer; booked when answered).
 *
 * <p>{@link #send} must not block for the answer: the load generator calls it at each request's intended time from
 * its scheduler thread, and a slow target must not delay the next arrival (no coordinated omission).
 */
public interface TransferTarget extends AutoCloseable {

    /** A short name for reports, e.g. {@code suite} or {@code naive-baseline}. */
    String name();

    /**
     * Sends one transfer now, asynchronously.
     *
     * @param order what to move between which accounts, with a fresh idempotency key
     * @return the two futures of this transfer: its answer and its completion; neither may complete exceptionally
     *         for a refusal the target answered (a non-2xx is an {@link Answer} with that status), only for a
     *         transport failure or a timeout
     */
    Submission send(TransferOrder order);

    /** Releases the target's clients and consumers; the default does nothing. */
    @Override
    default void close() {
    }
}
