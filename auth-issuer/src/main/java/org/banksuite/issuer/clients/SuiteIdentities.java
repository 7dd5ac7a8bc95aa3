package org.banksuite.issuer.clients;

import java.util.List;
import java.util.Optional;

/** The six clients of the local issuer, as service-security's README's identity table gives them. */
public final class SuiteIdentities {

    /** The support console, the client support staff sign in to (authorization code); its tokens speak for a person. */
    public static final String SUPPORT_CONSOLE = "support-console";
    /** The services support staff's tokens are for (their {@code aud}). */
    public static final List<String> SUPPORTED_SERVICES = List.of(
            "accounts-service", "transfers-service", "partner-bank-adapter", "reconciliation-service");

    public static final List<SuiteIdentity> ALL = List.of(
            SuiteIdentity.actingForCustomers("mobile-bff", List.of("customer"),
                    List.of("accounts-service", "transfers-service")),
            SuiteIdentity.service("support-agent", List.of("support"), SUPPORTED_SERVICES),
            SuiteIdentity.service("support-lead", List.of("support", "support-lead"), SUPPORTED_SERVICES),
            SuiteIdentity.service("operator", List.of("admin"), List.of("partner-bank-proxy", "partner-bank-simulator")),
            SuiteIdentity.service("partner-bank-adapter", List.of("service"), List.of("partner-bank-proxy")),
            SuiteIdentity.service("partner-bank-proxy", List.of("service"), List.of("partner-bank-simulator")));

    private SuiteIdentities() {
    }

    public static Optional<SuiteIdentity> byClientId(String clientId) {
        return ALL.stream().filter(identity -> identity.clientId().equals(clientId)).findFirst();
    }
}
