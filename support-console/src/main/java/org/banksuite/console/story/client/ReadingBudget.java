package org.banksuite.console.story.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The bound on one story's reading of the topics: records read and time taken, shared by every topic. */
final class ReadingBudget {

    private static final Duration MAX_POLL = Duration.ofMillis(250);
    private static final Duration MIN_WAIT = Duration.ofMillis(1);

    private final Clock clock;
    private final Instant deadline;
    private long recordsLeft;

    ReadingBudget(long maxRecords, Duration maxTime, Clock clock) {
        this.clock = clock;
        this.deadline = clock.instant().plus(maxTime);
        this.recordsLeft = maxRecords;
    }

    boolean exhausted() {
        return recordsLeft <= 0 || !clock.instant().isBefore(deadline);
    }

    void count(int records) {
        recordsLeft -= records;
    }

    /** The time left, at least a millisecond (a client call with zero time fails at once). */
    Duration timeLeft() {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : left;
    }

    Duration pollTime() {
        Duration left = timeLeft();
        return left.compareTo(MAX_POLL) < 0 ? left : MAX_POLL;
    }
}
