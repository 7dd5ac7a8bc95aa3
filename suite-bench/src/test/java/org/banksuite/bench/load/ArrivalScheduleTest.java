package org.banksuite.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;

import org.banksuite.bench.load.ArrivalSchedule.Arrivals;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    @Test
    void constantArrivalsAreEvenlySpacedAtTheRate() {
        ArrivalSchedule schedule = ArrivalSchedule.of(Arrivals.CONSTANT, 10, Duration.ofSeconds(2), 1);

        assertThat(schedule.size()).isEqualTo(20);
        assertThat(offsets(schedule))
                .containsExactly(IntStream.range(0, 20).mapToLong(i -> i * 100_000_000L).toArray());
    }

    @Test
    void constantArrivalsAtAFractionalRateStayWithinTheDuration() {
        ArrivalSchedule schedule = ArrivalSchedule.of(Arrivals.CONSTANT, 2.5, Duration.ofSeconds(2), 1);

        assertThat(schedule.size()).isEqualTo(5);
        assertThat(schedule.offsetNanos(4)).isEqualTo(1_600_000_000L);
    }

    @Test
    void poissonArrivalsAreTheSameForTheSameSeed() {
        ArrivalSchedule first = ArrivalSchedule.of(Arrivals.POISSON, 100, Duration.ofSeconds(10), 42);
        ArrivalSchedule second = ArrivalSchedule.of(Arrivals.POISSON, 100, Duration.ofSeconds(10), 42);
        ArrivalSchedule otherSeed = ArrivalSchedule.of(Arrivals.POISSON, 100, Duration.ofSeconds(10), 43);

        assertThat(offsets(first)).containsExactly(offsets(second));
        assertThat(offsets(first)).isNotEqualTo(offsets(otherSeed));
    }

    @Test
    void poissonArrivalsAverageTheRateWithUnevenGapsInOrder() {
        ArrivalSchedule schedule = ArrivalSchedule.of(Arrivals.POISSON, 200, Duration.ofSeconds(60), 7);

        long[] offsets = offsets(schedule);
        // 12,000 expected; a Poisson count's standard deviation is about 110
        assertThat(schedule.size()).isBetween(11_500, 12_500);
        assertThat(offsets).isSorted();
        assertThat(offsets[offsets.length - 1]).isLessThan(Duration.ofSeconds(60).toNanos());
        long[] gaps = IntStream.range(1, offsets.length).mapToLong(i -> offsets[i] - offsets[i - 1]).toArray();
        double mean = java.util.Arrays.stream(gaps).average().orElseThrow();
        assertThat(mean).isBetween(4.7e6, 5.3e6); // 1/200 s
        long shortGaps = java.util.Arrays.stream(gaps).filter(gap -> gap < 1e6).count(); // P(gap < 1 ms) = 1 - e^-0.2
        assertThat((double) shortGaps / gaps.length).isBetween(0.15, 0.22);
    }

    @Test
    void refusesARateThatIsNotPositive() {
        assertThatThrownBy(() -> ArrivalSchedule.of(Arrivals.CONSTANT, 0, Duration.ofSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long[] offsets(ArrivalSchedule schedule) {
        return IntStream.range(0, schedule.size()).mapToLong(schedule::offsetNanos).toArray();
    }
}
