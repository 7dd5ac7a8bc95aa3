package org.banksuite.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.banksuite.launcher.demo.SuiteEndpoints;
import org.junit.jupiter.api.Test;

class DemoTest {

    @Test
    void playsAgainstTheLocalStacksDefaultPorts() {
        assertThat(Demo.endpoints(Map.of())).isEqualTo(new SuiteEndpoints("http://127.0.0.1:8081",
                "http://127.0.0.1:8082", "http://127.0.0.1:8089", "http://127.0.0.1:8083", "127.0.0.1:9092", "",
                "http://127.0.0.1:8085"));
    }

    @Test
    void followsTheSamePortVariablesAsTheLauncher() {
        SuiteEndpoints endpoints = Demo.endpoints(Map.of("SUITE_ACCOUNTS_PORT", "9181", "SUITE_TRANSFERS_PORT", "9182",
                "SUITE_SIMULATOR_PORT", "9189", "SUITE_ADAPTER_PORT", "9183", "SUITE_KAFKA_PORT", "19092",
                "SUITE_RECONCILIATION_PORT", "9185"));

        assertThat(endpoints).isEqualTo(new SuiteEndpoints("http://127.0.0.1:9181", "http://127.0.0.1:9182",
                "http://127.0.0.1:9189", "http://127.0.0.1:9183", "127.0.0.1:19092", "", "http://127.0.0.1:9185"));
    }
}
