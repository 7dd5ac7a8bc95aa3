package org.banksuite.bench.load;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;

/**
 * Transfers sent one after another, each waited for (answer and completion) before the next: an idle system's
 * single-transfer latency. Intended and actual send times coincide here, so there is nothing to omit.
 */
public final class SequentialRun {

    /**
     * The figures of a sequential run.
     *
     * @param bookedFromAccept the answer to booked
     * @param bookedFromSend   the send to booked
     */
    public record Result(int transfers, long booked, LatencySummary accept, LatencySummary bookedFromAccept,
                         LatencySummary bookedFromSend) {
    }

    private SequentialRun() {
    }

    /** Sends {@code count} orders in sequence, waiting up to {@code patience} for each to complete. */
    public static Result run(TransferTarget target, Supplier<TransferOrder> orders, int count, Duration patience) {
        Histogram accept = new Histogram(LatencyRecorder.HIGHEST_MICROS, 3);
        Histogram fromAccept = new Histogram(LatencyRecorder.HIGHEST_MICROS, 3);
        Histogram fromSend = new Histogram(LatencyRecorder.HIGHEST_MICROS, 3);
        long booked = 0;
        for (int i = 0; i < count; i++) {
            long sentNanos = System.nanoTime();
            Instant sentAt = Instant.now();
            try {
                Submission submission = target.send(orders.get());
                Submission.Answer answer = submission.answer().get(patience.toNanos(), TimeUnit.NANOSECONDS);
                accept.recordValue((answer.answeredNanos() - sentNanos) / 1000);
                if (answer.status() / 100 != 2) {
                    continue;
                }
                Submission.Completion completion = submission.completion().get(patience.toNanos(), TimeUnit.NANOSECONDS);
                if (completion.booked()) {
                    booked++;
                    Instant answeredAt = sentAt.plusNanos(answer.answeredNanos() - sentNanos);
                    fromAccept.recordValue(micros(answeredAt, completion.at()));
                    fromSend.recordValue(micros(sentAt, completion.at()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception failedOrTimedOut) {
                // counted as not booked
            }
        }
        return new Result(count, booked, LatencySummary.of(accept), LatencySummary.of(fromAccept),
                LatencySummary.of(fromSend));
    }

    private static long micros(Instant from, Instant to) {
        return Math.max(0, Math.min(LatencyRecorder.HIGHEST_MICROS, Duration.between(from, to).toNanos() / 1000));
    }
}
