package org.banksuite.transfers.transfer.saga;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The timers of the {@link TransferSaga}: how long accounts-service has to answer a reservation before the transfer
 * is rejected as {@code TIMED_OUT}, how long the core may stay silent about a submitted payment before the suite asks
 * again (and again), after how many overdue answers in a row it asks for the payment to be resolved for good (and
 * every as many after that), and the zone whose midnight starts a scheduled transfer's execution date.
 */
public record TransferDeadlines(Duration fundsReservationTimeout, Duration coreAnswerTimeout, ZoneId zone,
                                int resolveAfterOverdueAnswers) {

    /** The default: a resolution after {@value #DEFAULT_RESOLVE_AFTER} overdue answers. */
    public static final int DEFAULT_RESOLVE_AFTER = 3;

    public TransferDeadlines {
        requirePositive("fundsReservationTimeout", fundsReservationTimeout);
        requirePositive("coreAnswerTimeout", coreAnswerTimeout);
        Objects.requireNonNull(zone, "zone");
        if (resolveAfterOverdueAnswers < 1) {
            throw new IllegalArgumentException("resolveAfterOverdueAnswers must be at least 1, was "
                    + resolveAfterOverdueAnswers);
        }
    }

    public TransferDeadlines(Duration fundsReservationTimeout, Duration coreAnswerTimeout, ZoneId zone) {
        this(fundsReservationTimeout, coreAnswerTimeout, zone, DEFAULT_RESOLVE_AFTER);
    }

    private static void requirePositive(String name, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + duration);
        }
    }
}
