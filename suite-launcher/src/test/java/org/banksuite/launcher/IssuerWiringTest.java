package org.banksuite.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssuerWiringTest {

    @TempDir
    Path auth;

    @Test
    void givesTheIssuerItsUriAndStateDirectory() {
        IssuerWiring wiring = IssuerWiring.of(new SuiteLayout(Path.of("/repo")),
                Map.of("SUITE_ISSUER_PORT", "8186", "SUITE_CONSOLE_PORT", "8187"));

        assertThat(wiring.issuerEnvironment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ISSUER_URI", "http://localhost:8186", "ISSUER_STATE_DIR", "/repo/.suite/auth",
                "ISSUER_CONSOLE_REDIRECT_URI", "http://localhost:8187/login/oauth2/code/suite",
                "ISSUER_CONSOLE_POST_LOGOUT_REDIRECT_URI", "http://localhost:8187/"));
    }

    @Test
    void givesTheSupportConsoleTheIssuerAndItsOwnSecret() throws IOException {
        Files.writeString(auth.resolve("clients.properties"), "support-console=console-secret\n");

        assertThat(new IssuerWiring("http://localhost:8086", auth).consoleEnvironment())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_SUITE_ISSUER_URI", "http://localhost:8086",
                        "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_SUITE_CLIENT_SECRET", "console-secret"));
    }

    @Test
    void pointsEveryServiceAtTheIssuerAndItsKeys() {
        Map<String, String> environment = new IssuerWiring("http://localhost:8086", auth)
                .serviceEnvironment("accounts-service");

        assertThat(environment).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", "http://localhost:8086",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", "http://localhost:8086/oauth2/jwks"));
    }

    @Test
    void registersTheAdaptersAndTheProxysCoreClientWithTheirOwnSecrets() throws IOException {
        Files.writeString(auth.resolve("clients.properties"),
                "# secrets\npartner-bank-adapter=adapter-secret\npartner-bank-proxy=proxy-secret\noperator=other\n");
        IssuerWiring wiring = new IssuerWiring("http://localhost:8086", auth);

        for (String module : new String[] {"partner-bank-adapter", "partner-bank-proxy"}) {
            assertThat(wiring.serviceEnvironment(module)).containsAllEntriesOf(Map.of(
                    "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CORE_CLIENT_ID", module,
                    "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CORE_CLIENT_SECRET",
                    module.equals("partner-bank-adapter") ? "adapter-secret" : "proxy-secret",
                    "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CORE_AUTHORIZATION_GRANT_TYPE", "client_credentials",
                    "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_CORE_TOKEN_URI", "http://localhost:8086/oauth2/token"));
        }
        assertThat(wiring.serviceEnvironment("accounts-service")).doesNotContainKey(
                "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CORE_CLIENT_SECRET");
    }

    @Test
    void refusesToStartACoreClientBeforeTheIssuerWroteTheSecrets() {
        IssuerWiring wiring = new IssuerWiring("http://localhost:8086", auth);

        assertThatThrownBy(() -> wiring.serviceEnvironment("partner-bank-adapter"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("clients.properties");
    }
}
