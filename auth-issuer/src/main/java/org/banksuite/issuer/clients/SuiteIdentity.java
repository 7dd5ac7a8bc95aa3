package org.banksuite.issuer.clients;

import java.util.List;
import java.util.Optional;

/**
 * One client of the issuer and what its tokens say about the caller (service-security's README, "Identities").
 *
 * @param clientId  the OAuth client id (client credentials, {@code client_secret_basic})
 * @param subject   the token's {@code sub}; empty for a client acting for a customer, whose {@code sub} is the
 *                  token request's {@code customer_id}
 * @param roles     the token's {@code roles} claim
 * @param audiences the token's {@code aud} claim: the services that accept it
 */
public record SuiteIdentity(String clientId, Optional<String> subject, List<String> roles, List<String> audiences) {

    public SuiteIdentity {
        roles = List.copyOf(roles);
        audiences = List.copyOf(audiences);
    }

    static SuiteIdentity service(String clientId, List<String> roles, List<String> audiences) {
        return new SuiteIdentity(clientId, Optional.of(clientId), roles, audiences);
    }

    static SuiteIdentity actingForCustomers(String clientId, List<String> roles, List<String> audiences) {
        return new SuiteIdentity(clientId, Optional.empty(), roles, audiences);
    }

    /** Whether the token request must name the customer ({@code customer_id}), who becomes the token's subject. */
    public boolean actsForCustomers() {
        return subject.isEmpty();
    }
}
