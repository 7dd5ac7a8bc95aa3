package org.banksuite.issuer.clients;

import java.util.function.Consumer;

import org.banksuite.text.TextRule;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationValidator;

/**
 * The {@code customer_id} parameter of a client-credentials token request by a client that acts for customers
 * ({@code mobile-bff}): required, one value, and an identifier by text-rules' {@link TextRule#IDENTIFIER} (1-64 code
 * points, no space or control character), the same rule the services apply to a customer id. Without it, or with a
 * bad one, the token endpoint answers the standard OAuth error {@code invalid_request} (400). Other clients' requests
 * are not looked at for it.
 */
public final class CustomerIdRule implements Consumer<OAuth2ClientCredentialsAuthenticationContext> {

    public static final String PARAMETER = "customer_id";

    private final Consumer<OAuth2ClientCredentialsAuthenticationContext> standard =
            new OAuth2ClientCredentialsAuthenticationValidator();

    @Override
    public void accept(OAuth2ClientCredentialsAuthenticationContext context) {
        standard.accept(context);
        boolean actsForCustomers = SuiteIdentities.byClientId(context.getRegisteredClient().getClientId())
                .map(SuiteIdentity::actsForCustomers).orElse(false);
        if (actsForCustomers) {
            customerId(context.getAuthentication());
        }
    }

    /**
     * The request's valid customer id.
     *
     * @throws OAuth2AuthenticationException {@code invalid_request} when it is missing, repeated or not an identifier
     */
    static String customerId(OAuth2ClientCredentialsAuthenticationToken request) {
        Object value = request.getAdditionalParameters().get(PARAMETER);
        if (value == null) {
            throw invalid(PARAMETER + " is required: the customer this token acts for");
        }
        if (!(value instanceof String customerId)) {
            throw invalid(PARAMETER + " must be given once");
        }
        TextRule.IDENTIFIER.violation(customerId).ifPresent(problem -> {
            throw invalid(PARAMETER + " " + problem);
        });
        return customerId;
    }

    private static OAuth2AuthenticationException invalid(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description,
                "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2"));
    }
}
