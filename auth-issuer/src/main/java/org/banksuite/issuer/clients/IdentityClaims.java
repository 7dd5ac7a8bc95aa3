package org.banksuite.issuer.clients;

import java.util.List;

import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Writes who the caller is into each access token (service-security's README): {@code sub} (the client's identity, or the
 * customer a customer-acting client named in {@code customer_id}), {@code roles}, {@code aud} (the services that
 * accept it) and {@code client_id} (RFC 9068: the client that asked).
 */
public final class IdentityClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    public static final String ROLES_CLAIM = "roles";

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        String clientId = context.getRegisteredClient().getClientId();
        SuiteIdentity identity = SuiteIdentities.byClientId(clientId).orElseThrow(
                () -> new IllegalStateException("client " + clientId + " is registered but has no identity"));
        String subject = identity.subject().orElseGet(() -> CustomerIdRule.customerId(grant(context)));
        context.getClaims()
                .subject(subject)
                .audience(identity.audiences())
                .claim(ROLES_CLAIM, List.copyOf(identity.roles()))
                .claim("client_id", clientId);
    }

    private static OAuth2ClientCredentialsAuthenticationToken grant(JwtEncodingContext context) {
        if (context.getAuthorizationGrant() instanceof OAuth2ClientCredentialsAuthenticationToken grant) {
            return grant;
        }
        throw new IllegalStateException("a customer token is issued only for a client credentials grant");
    }
}
