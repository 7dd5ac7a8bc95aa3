package org.banksuite.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    @Test
    void restartsDeadPartsUnlessToldNo() {
        assertThat(RestartPolicy.from(Map.of()).enabled()).isTrue();
        assertThat(RestartPolicy.from(Map.of("SUITE_RESTART", "yes")).enabled()).isTrue();
        assertThat(RestartPolicy.from(Map.of("SUITE_RESTART", "no")).enabled()).isFalse();
    }

    @Test
    void refusesAnythingButYesOrNo() {
        assertThatThrownBy(() -> RestartPolicy.from(Map.of("SUITE_RESTART", "always")))
                .hasMessage("SUITE_RESTART must be yes or no, not 'always'");
    }

    @Test
    void waitsASecondThenDoublesForEachQuickDeathUpToHalfAMinute() {
        assertThat(RestartPolicy.backOff(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RestartPolicy.backOff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RestartPolicy.backOff(4)).isEqualTo(Duration.ofSeconds(16));
        assertThat(RestartPolicy.backOff(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RestartPolicy.backOff(50)).isEqualTo(Duration.ofSeconds(30));
    }
}
