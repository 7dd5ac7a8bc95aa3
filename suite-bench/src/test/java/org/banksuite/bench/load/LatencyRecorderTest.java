package org.banksuite.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    private static final long START = 1_000_000_000L;
    private static final Instant START_WALL = Instant.parse("2026-11-30T12:00:00Z");
    private static final long MS = 1_000_000L;

    private final LatencyRecorder recorder = new LatencyRecorder(START, START_WALL, Duration.ofSeconds(1),
            Duration.ofSeconds(3));

    @Test
    void acceptLatencyCountsFromTheIntendedTimeNotFromWhenItWasSent() {
        long intended = START + 2000 * MS;
        // sent late (the sender was held up 400 ms), answered 10 ms after sending
        recorder.sent(intended);
        recorder.answered(intended, new Submission.Answer(202, intended + 410 * MS, "t1"), true);

        assertThat(recorder.snapshot().accept().p50Ms()).isCloseTo(410, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void bookedLatencyCountsFromTheIntendedTimeAndFromTheAnswer() {
        long intended = START + 1500 * MS;
        Submission.Answer answer = new Submission.Answer(202, intended + 20 * MS, "t1");
        recorder.answered(intended, answer, true);
        recorder.completed(intended, answer, new Submission.Completion(true,
                START_WALL.plusMillis(1500 + 320)));

        RecordedRun run = recorder.snapshot();
        assertThat(run.booked()).isEqualTo(1);
        assertThat(run.bookedLatency().p50Ms()).isCloseTo(320, org.assertj.core.data.Offset.offset(1.0));
        assertThat(run.bookedFromAccept().p50Ms()).isCloseTo(300, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void requestsIntendedDuringTheWarmUpAreNotRecorded() {
        long intended = START + 999 * MS;
        recorder.sent(intended);
        Submission.Answer answer = new Submission.Answer(202, intended + 5 * MS, "t1");
        recorder.answered(intended, answer, true);
        recorder.completed(intended, answer, new Submission.Completion(true, START_WALL.plusMillis(1100)));
        recorder.failed(intended);

        RecordedRun run = recorder.snapshot();
        assertThat(run.sent()).isZero();
        assertThat(run.accept().count()).isZero();
        assertThat(run.booked()).isZero();
        assertThat(run.errors()).isZero();
        assertThat(recorder.completedTotal()).isEqualTo(1);
    }

    @Test
    void completedPerSecondCountsCompletionsWithinTheMeasuredWindowWhateverTheirIntendedTime() {
        Submission.Answer answer = new Submission.Answer(202, START, "t");
        recorder.completed(START + 500 * MS, answer, new Submission.Completion(true, START_WALL.plusMillis(1200)));
        recorder.completed(START + 1500 * MS, answer, new Submission.Completion(false, START_WALL.plusMillis(2900)));
        recorder.completed(START + 2500 * MS, answer, new Submission.Completion(true, START_WALL.plusMillis(3100)));
        recorder.completed(START + 100 * MS, answer, new Submission.Completion(true, START_WALL.plusMillis(900)));

        // two completions in the 2 s window from 1 s to 3 s
        assertThat(recorder.completedPerSecond()).isEqualTo(1.0);
        assertThat(recorder.snapshot().rejected()).isEqualTo(1);
    }

    @Test
    void refusalsFailuresAndTransfersNeverCompletedAreErrors() {
        long intended = START + 2000 * MS;
        recorder.answered(intended, new Submission.Answer(429, intended + MS, null), false);
        recorder.failed(intended);
        recorder.neverCompleted(intended);

        RecordedRun run = recorder.snapshot();
        assertThat(run.refused()).isEqualTo(1);
        assertThat(run.failed()).isEqualTo(1);
        assertThat(run.neverCompleted()).isEqualTo(1);
        assertThat(run.errors()).isEqualTo(3);
        assertThat(run.accept().count()).isZero();
    }
}
