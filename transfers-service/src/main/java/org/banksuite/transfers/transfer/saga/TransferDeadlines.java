package org.banksuite.transfers.transfer.saga;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The timers of the {@link TransferSaga}: how long accounts-service has to answer a reservation before the transfer
 * is rejected as {@code TIMED_OUT}, how long the core may stay silent about a submitted payment before the suite asks
 * again (and again), and the zone whose midnight starts a scheduled transfer's execution date.
 */
public record TransferDeadlines(Duration fundsReservationTimeout, Duration coreAnswerTimeout, ZoneId zone) {

    public TransferDeadlines {
        requirePositive("fundsReservationTimeout", fundsReservationTimeout);
        requirePositive("coreAnswerTimeout", coreAnswerTimeout);
        Objects.requireNonNull(zone, "zone");
    }

    private static void requirePositive(String name, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + duration);
        }
    }
}
