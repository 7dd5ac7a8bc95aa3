package org.banksuite.launcher;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadinessTimeoutTest {

    @Test
    void waitsTwoMinutesUnlessTold() {
        assertThat(ReadinessTimeout.from(Map.of())).isEqualTo(Duration.ofSeconds(120));
        assertThat(ReadinessTimeout.from(Map.of("SUITE_READY_TIMEOUT", " "))).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void waitsTheSecondsTheVariableGives() {
        assertThat(ReadinessTimeout.from(Map.of("SUITE_READY_TIMEOUT", "400"))).isEqualTo(Duration.ofSeconds(400));
    }

    @Test
    void refusesAnythingButAPositiveNumberOfSecondsNamingTheVariable() {
        for (String value : new String[] {"0", "-5", "2m", "1.5"}) {
            assertThatThrownBy(() -> ReadinessTimeout.from(Map.of("SUITE_READY_TIMEOUT", value)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SUITE_READY_TIMEOUT");
        }
    }
}
