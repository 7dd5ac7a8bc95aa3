package org.banksuite.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.banksuite.bench.load.ArrivalSchedule.Arrivals;
import org.junit.jupiter.api.Test;

class OpenLoopDriverTest {

    private static TransferOrder order() {
        return new TransferOrder("a", "b", 100, "DKK", UUID.randomUUID().toString());
    }

    @Test
    void keepsSendingWhenTheTargetNeverAnswersAndCountsTheUnansweredAsFailed() {
        List<TransferOrder> received = new ArrayList<>();
        TransferTarget silent = new TransferTarget() {
            @Override
            public String name() {
                return "silent";
            }

            @Override
            public Submission send(TransferOrder order) {
                received.add(order);
                return new Submission(new CompletableFuture<>(), new CompletableFuture<>());
            }
        };
        ArrivalSchedule schedule = ArrivalSchedule.of(Arrivals.CONSTANT, 100, Duration.ofMillis(300), 1);

        LatencyRecorder recorder = new OpenLoopDriver(silent, OpenLoopDriverTest::order)
                .run(schedule, Duration.ofMillis(300), Duration.ofMillis(100), Duration.ZERO);

        assertThat(received).hasSize(30);
        assertThat(recorder.snapshot().sent()).isEqualTo(20);
        assertThat(recorder.snapshot().failed()).isEqualTo(20);
    }

    @Test
    void anAnswerArrivingAfterTheRunStoppedWaitingIsNotCountedAgain() {
        List<Submission> sent = new ArrayList<>();
        TransferTarget late = new TransferTarget() {
            @Override
            public String name() {
                return "late";
            }

            @Override
            public Submission send(TransferOrder order) {
                Submission submission = new Submission(new CompletableFuture<>(), new CompletableFuture<>());
                sent.add(submission);
                return submission;
            }
        };
        ArrivalSchedule schedule = ArrivalSchedule.of(Arrivals.CONSTANT, 50, Duration.ofMillis(200), 1);

        LatencyRecorder recorder = new OpenLoopDriver(late, OpenLoopDriverTest::order)
                .run(schedule, Duration.ofMillis(200), Duration.ZERO, Duration.ZERO);
        sent.forEach(submission -> {
            submission.answer().complete(new Submission.Answer(202, System.nanoTime(), "t"));
            submission.completion().complete(new Submission.Completion(true, Instant.now()));
        });

        RecordedRun run = recorder.snapshot();
        assertThat(run.failed()).isEqualTo(10);
        assertThat(run.accepted()).isZero();
        assertThat(run.booked()).isZero();
    }

    @Test
    void recordsEveryAnsweredAndBookedTransferOfTheMeasuredPart() {
        TransferTarget instant = new TransferTarget() {
            @Override
            public String name() {
                return "books-on-answer";
            }

            @Override
            public Submission send(TransferOrder order) {
                return Submission.bookedOnAnswer(201, System.nanoTime(), order.idempotencyKey(), Instant.now());
            }
        };
        ArrivalSchedule schedule = ArrivalSchedule.of(Arrivals.CONSTANT, 50, Duration.ofMillis(400), 1);

        LatencyRecorder recorder = new OpenLoopDriver(instant, OpenLoopDriverTest::order)
                .run(schedule, Duration.ofMillis(400), Duration.ofMillis(200), Duration.ofSeconds(5));

        RecordedRun run = recorder.snapshot();
        assertThat(run.sent()).isEqualTo(10);
        assertThat(run.accepted()).isEqualTo(10);
        assertThat(run.booked()).isEqualTo(10);
        assertThat(run.errors()).isZero();
        assertThat(recorder.completedTotal()).isEqualTo(20);
    }

    @Test
    void aRefusalIsAnErrorAndNeverWaitedFor() {
        TransferTarget refusing = new TransferTarget() {
            @Override
            public String name() {
                return "refusing";
            }

            @Override
            public Submission send(TransferOrder order) {
                return new Submission(CompletableFuture.completedFuture(new Submission.Answer(503, System.nanoTime(), null)),
                        new CompletableFuture<>());
            }
        };
        ArrivalSchedule schedule = ArrivalSchedule.of(Arrivals.CONSTANT, 50, Duration.ofMillis(200), 1);

        RecordedRun run = new OpenLoopDriver(refusing, OpenLoopDriverTest::order)
                .run(schedule, Duration.ofMillis(200), Duration.ZERO, Duration.ofMinutes(1)).snapshot();

        assertThat(run.refused()).isEqualTo(10);
        assertThat(run.neverCompleted()).isZero();
    }
}
