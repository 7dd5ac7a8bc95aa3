package org.banksuite.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SuiteEnvironmentTest {

    @Test
    void usesTheUsualPortsByDefault() {
        assertThat(SuiteEnvironment.from(Map.of())).isEqualTo(new SuiteEnvironment(5432, 9092, 9093));
    }

    @Test
    void movesKafkasControllerWithKafka() {
        assertThat(SuiteEnvironment.from(Map.of("SUITE_KAFKA_PORT", "19092")).kafkaControllerPort()).isEqualTo(19093);
    }

    @Test
    void rejectsAPortThatIsNotOne() {
        assertThatThrownBy(() -> SuiteEnvironment.from(Map.of("SUITE_POSTGRES_PORT", "70000")))
                .hasMessageContaining("SUITE_POSTGRES_PORT must be a TCP port");
    }
}
