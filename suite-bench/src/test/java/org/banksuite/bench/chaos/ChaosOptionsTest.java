package org.banksuite.bench.chaos;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChaosOptionsTest {

    @Test
    void defaultsToTenThousandTransfersAndEveryProcessKilled() {
        ChaosOptions options = ChaosOptions.parse();

        assertThat(options.transfers()).isEqualTo(10_000);
        assertThat(options.mustKill()).isEmpty();
        assertThat(options.expectedLength()).isEqualTo(Duration.ofMillis((long) (10_000 / (8 * 0.74) * 1000)));
    }

    @Test
    void readsTheShortRunsOptions() {
        ChaosOptions options = ChaosOptions.parse("--seed", "5", "--transfers", "300", "--rate", "6",
                "--must-kill", "accounts-service#2, kafka,postgres", "--fault-every", "15");

        assertThat(options.seed()).isEqualTo(5);
        assertThat(options.mustKill()).containsExactly("accounts-service#2", "kafka", "postgres");
        assertThat(options.faultEvery()).hasSeconds(15);
    }

    @Test
    void refusesUnknownOptionsAndValuesOutOfRange() {
        assertThatThrownBy(() -> ChaosOptions.parse("--kill", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChaosOptions.parse("--transfers", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChaosOptions.parse("--rate", "fast")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChaosOptions.parse("--seed")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMixSumsToAHundredWithTransfersTheLargestPart() {
        int total = 0;
        for (Operation operation : Operation.values()) {
            total += Operation.weightOf(operation);
        }
        assertThat(total).isEqualTo(100);
        assertThat(Operation.of(0)).isEqualTo(Operation.INTERNAL_TRANSFER);
        assertThat(Operation.of(99)).isEqualTo(Operation.CLOSURE);
        assertThat(List.of(Operation.values())).filteredOn(Operation::transfer).hasSize(3);
    }
}
