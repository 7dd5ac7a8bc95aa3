package org.banksuite.bench.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Drives a {@link TransferTarget} with open-loop arrivals: one thread sends each request at its intended time from an
 * {@link ArrivalSchedule} and never waits for answers (the target sends asynchronously), so a slow target does not
 * slow the arrivals; latencies go to a {@link LatencyRecorder} from the intended times.
 */
public final class OpenLoopDriver {

    private final TransferTarget target;
    private final Supplier<TransferOrder> orders;

    /** @param orders the next transfer to send, called on the sending thread (keep it cheap) */
    public OpenLoopDriver(TransferTarget target, Supplier<TransferOrder> orders) {
        this.target = target;
        this.orders = orders;
    }

    /**
     * Sends the schedule's requests, then waits up to {@code drain} after the last intended time for the accepted
     * ones to complete; those still open count as never completed.
     *
     * @return the recorder, complete
     */
    public LatencyRecorder run(ArrivalSchedule schedule, Duration duration, Duration warmup, Duration drain) {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        LatencyRecorder recorder = new LatencyRecorder(start, Instant.now().plusMillis(50), warmup, duration);
        List<Pending> pending = new ArrayList<>(schedule.size());
        for (int i = 0; i < schedule.size(); i++) {
            long intended = start + schedule.offsetNanos(i);
            waitUntil(intended);
            pending.add(send(recorder, intended));
        }
        long deadline = Math.max(System.nanoTime(), start + duration.toNanos()) + drain.toNanos();
        for (Pending request : pending) {
            awaitUntil(request.settled(), deadline);
        }
        for (Pending request : pending) {
            if (!request.settled().isDone()) {
                request.timedOut(recorder);
            }
        }
        return recorder;
    }

    /**
     * One request in flight: settled once it failed, was refused, or completed. Its end is recorded once: by its
     * callbacks, or by {@link #timedOut} when the run stopped waiting, whichever claims it first.
     */
    private record Pending(long intendedNanos, CompletableFuture<Void> settled, CompletableFuture<Submission.Answer> answer,
                           AtomicBoolean ended) {

        void timedOut(LatencyRecorder recorder) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            Submission.Answer answered = answer.getNow(null);
            if (answered == null) {
                recorder.failed(intendedNanos);
            } else {
                recorder.neverCompleted(intendedNanos);
            }
        }
    }

    private Pending send(LatencyRecorder recorder, long intended) {
        recorder.sent(intended);
        Submission submission;
        try {
            submission = target.send(orders.get());
        } catch (RuntimeException refusedToSend) {
            recorder.failed(intended);
            return new Pending(intended, CompletableFuture.completedFuture(null), new CompletableFuture<>(),
                    new AtomicBoolean(true));
        }
        CompletableFuture<Void> settled = new CompletableFuture<>();
        AtomicBoolean ended = new AtomicBoolean();
        submission.answer().whenComplete((answer, failure) -> {
            if (failure != null) {
                if (ended.compareAndSet(false, true)) {
                    recorder.failed(intended);
                }
                settled.complete(null);
                return;
            }
            boolean success = answer.status() / 100 == 2;
            if (!success) {
                if (ended.compareAndSet(false, true)) {
                    recorder.answered(intended, answer, false);
                }
                settled.complete(null);
                return;
            }
            if (ended.get()) {
                return; // answered after the run stopped waiting: already counted as failed
            }
            recorder.answered(intended, answer, true);
            submission.completion().whenComplete((completion, lost) -> {
                if (ended.compareAndSet(false, true)) {
                    if (lost == null) {
                        recorder.completed(intended, answer, completion);
                    } else {
                        recorder.neverCompleted(intended);
                    }
                }
                settled.complete(null);
            });
        });
        return new Pending(intended, settled, submission.answer(), ended);
    }

    private static void waitUntil(long nanos) {
        long remaining;
        while ((remaining = nanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }

    private static void awaitUntil(CompletableFuture<Void> future, long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            return;
        }
        try {
            future.get(remaining, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException notSettled) {
            // counted by the caller
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
