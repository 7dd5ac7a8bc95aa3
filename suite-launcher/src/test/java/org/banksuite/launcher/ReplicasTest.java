package org.banksuite.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ReplicasTest {

    private static ServiceDefinition service(String name) {
        return Services.ALL.stream().filter(service -> service.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void runsOneOfEachServiceUnlessTold() {
        assertThat(Replicas.from(Map.of()).count()).isEqualTo(1);
        assertThat(Replicas.from(Map.of("SUITE_REPLICAS", " ")).count()).isEqualTo(1);
    }

    @Test
    void refusesAReplicaCountOutsideOneToThree() {
        assertThatThrownBy(() -> Replicas.from(Map.of("SUITE_REPLICAS", "0")))
                .hasMessage("SUITE_REPLICAS must be 1, 2 or 3, not 0");
        assertThatThrownBy(() -> Replicas.from(Map.of("SUITE_REPLICAS", "4")))
                .hasMessage("SUITE_REPLICAS must be 1, 2 or 3, not 4");
        assertThatThrownBy(() -> Replicas.from(Map.of("SUITE_REPLICAS", "two")))
                .hasMessage("SUITE_REPLICAS must be 1, 2 or 3, not 'two'");
    }

    @Test
    void replicatesTheSuitesOwnServicesButNotTheIssuerTheConsoleOrTheSimulatedCore() {
        Replicas two = new Replicas(2);
        assertThat(Services.ALL).filteredOn(service -> two.of(service) == 2).extracting(ServiceDefinition::name)
                .containsExactlyInAnyOrder("accounts-service", "transfers-service", "partner-bank-adapter",
                        "partner-bank-proxy", "reconciliation-service");
        assertThat(Services.ALL).filteredOn(service -> two.of(service) == 1).extracting(ServiceDefinition::name)
                .containsExactlyInAnyOrder("auth-issuer", "support-console", "partner-bank-simulator");
    }

    @Test
    void putsReplicaNOnItsServicesPortPlusAHundredTimesNMinusOne() {
        int accounts = service("accounts-service").port(Map.of("SUITE_ACCOUNTS_PORT", "28081"));
        assertThat(Replicas.port(accounts, 1)).isEqualTo(28081);
        assertThat(Replicas.port(accounts, 2)).isEqualTo(28181);
        assertThat(Replicas.port(accounts, 3)).isEqualTo(28281);
    }

    @Test
    void namesReplicaOneAfterItsServiceAndTheOthersWithTheirNumber() {
        assertThat(Replicas.instanceName("accounts-service", 1)).isEqualTo("accounts-service");
        assertThat(Replicas.instanceName("accounts-service", 2)).isEqualTo("accounts-service-2");
        assertThat(new SuiteLayout(java.nio.file.Path.of("/clone")).log(Replicas.instanceName("accounts-service", 2)))
                .isEqualTo(java.nio.file.Path.of("/clone/.suite/logs/accounts-service-2.log"));
    }

    @Test
    void threeReplicasOnTheDefaultPortsCollideWithNothing() {
        new Replicas(3).requireDistinctPorts(Map.of(), Services.ALL);
    }

    @Test
    void refusesAReplicaPortThatAnotherPartUses() {
        assertThatThrownBy(() -> new Replicas(2).requireDistinctPorts(Map.of("SUITE_ISSUER_PORT", "8181"), Services.ALL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port 8181 would be used twice, by auth-issuer (SUITE_ISSUER_PORT)")
                .hasMessageContaining("accounts-service-2 (SUITE_ACCOUNTS_PORT + 100)");
    }

    @Test
    void refusesTwoServicesOnOnePortEvenWithoutReplicas() {
        assertThatThrownBy(() -> new Replicas(1).requireDistinctPorts(Map.of("SUITE_CONSOLE_PORT", "5432"), Services.ALL))
                .hasMessageContaining("port 5432 would be used twice, by PostgreSQL (SUITE_POSTGRES_PORT)");
    }
}
