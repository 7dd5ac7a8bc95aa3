package org.banksuite.issuer.clients;

import java.util.List;

import org.banksuite.issuer.persons.SupportPersons;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Writes who the caller is into each access token (service-security's README): {@code sub} (the client's identity, or the
 * customer a customer-acting client named in {@code customer_id}), {@code roles}, {@code aud} (the services that
 * accept it) and {@code client_id} (RFC 9068: the client that asked). A person signed in through the support console
 * gets their username as {@code sub} and their roles (see {@link SupportPersons}).
 */
public final class IdentityClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    public static final String ROLES_CLAIM = "roles";

    @Override
    public void customize(JwtEncodingContext context) {
        String clientId = context.getRegisteredClient().getClientId();
        if (SuiteIdentities.SUPPORT_CONSOLE.equals(clientId)) {
            person(context);
            return;
        }
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        SuiteIdentity identity = SuiteIdentities.byClientId(clientId).orElseThrow(
                () -> new IllegalStateException("client " + clientId + " is registered but has no identity"));
        String subject = identity.subject().orElseGet(() -> CustomerIdRule.customerId(grant(context)));
        context.getClaims()
                .subject(subject)
                .audience(identity.audiences())
                .claim(ROLES_CLAIM, List.copyOf(identity.roles()))
                .claim("client_id", clientId);
    }

    /**
     * A signed-in person's tokens (the support console's): {@code sub} is the person's username, {@code roles} their
     * roles, in the ID token too (the console shows them and hides what they may not do); the access token is for
     * the services support staff call.
     */
    private static void person(JwtEncodingContext context) {
        List<String> roles = context.getPrincipal().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(SupportPersons::isPersonRole)
                .toList();
        context.getClaims().subject(context.getPrincipal().getName()).claim(ROLES_CLAIM, roles);
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getClaims()
                    .audience(SuiteIdentities.SUPPORTED_SERVICES)
                    .claim("client_id", SuiteIdentities.SUPPORT_CONSOLE);
        }
    }

    private static OAuth2ClientCredentialsAuthenticationToken grant(JwtEncodingContext context) {
        if (context.getAuthorizationGrant() instanceof OAuth2ClientCredentialsAuthenticationToken grant) {
            return grant;
        }
        throw new IllegalStateException("a customer token is issued only for a client credentials grant");
    }
}
