package org.banksuite.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopbackTest {

    @Test
    void bindsAServiceToLoopbackOnly() {
        assertThat(Loopback.serverEnvironment(8381))
                .containsEntry("SERVER_ADDRESS", "127.0.0.1")
                .containsEntry("SERVER_PORT", "8381")
                .doesNotContainKey("MANAGEMENT_SERVER_ADDRESS"); // Spring Boot refuses it without a management port
    }
}
