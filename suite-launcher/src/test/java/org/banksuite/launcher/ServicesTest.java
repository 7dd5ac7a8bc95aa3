package org.banksuite.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServicesTest {

    @Test
    void startsAllServicesUnlessToldOtherwise() {
        assertThat(Services.selected(Map.of())).isEqualTo(Services.ALL);
    }

    @Test
    void startsNoneWhenAskedForNone() {
        assertThat(Services.selected(Map.of("SUITE_SERVICES", "none"))).isEmpty();
    }

    @Test
    void startsOnlyTheNamedServices() {
        assertThat(Services.selected(Map.of("SUITE_SERVICES", " accounts-service ")))
                .extracting(ServiceDefinition::name).containsExactly("accounts-service");
    }

    @Test
    void startsTheIssuerFirstOnItsOwnPortWithoutADatabase() {
        assertThat(Services.ALL.getFirst()).isEqualTo(Services.ISSUER);
        assertThat(Services.ISSUER.name()).isEqualTo("auth-issuer");
        assertThat(Services.ISSUER.port(Map.of())).isEqualTo(8086);
        assertThat(Services.ISSUER.port(Map.of("SUITE_ISSUER_PORT", "8186"))).isEqualTo(8186);
        assertThat(Services.ISSUER.hasDatabase()).isFalse();
    }

    @Test
    void startsTheSupportConsoleLastOnItsOwnPortWithoutADatabase() {
        assertThat(Services.ALL.getLast()).isEqualTo(Services.CONSOLE);
        assertThat(Services.CONSOLE.name()).isEqualTo("support-console");
        assertThat(Services.CONSOLE.port(Map.of())).isEqualTo(8087);
        assertThat(Services.CONSOLE.port(Map.of("SUITE_CONSOLE_PORT", "8187"))).isEqualTo(8187);
        assertThat(Services.CONSOLE.hasDatabase()).isFalse();
    }

    @Test
    void findsAServicesJarInItsModulesTarget() {
        ServiceDefinition accounts = Services.ALL.stream().filter(service -> service.name().equals("accounts-service"))
                .findFirst().orElseThrow();

        assertThat(accounts.jar(Path.of("/repo"))).isEqualTo(Path.of("/repo/accounts-service/target/accounts-service.jar"));
        assertThat(accounts.port(Map.of())).isEqualTo(8081);
        assertThat(accounts.port(Map.of("SUITE_ACCOUNTS_PORT", "18081"))).isEqualTo(18081);
    }
}
