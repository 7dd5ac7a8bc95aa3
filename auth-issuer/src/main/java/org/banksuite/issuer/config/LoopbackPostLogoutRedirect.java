package org.banksuite.issuer.config;

import java.util.Set;
import java.util.function.Consumer;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where the issuer may send a person after signing out ({@code post_logout_redirect_uri}): a URI the client
 * registered, exactly; or, for a registered URI on a loopback IP literal ({@code 127.0.0.1}, {@code [::1]}), the same
 * URI on any port, as Spring Authorization Server already allows for the redirect URI of an authorization request
 * (RFC 8252, 7.3: a console started on a free port, as the end-to-end tests do). Anything else:
 * {@code invalid_request}, and the issuer sends the person nowhere.
 */
final class LoopbackPostLogoutRedirect implements Consumer<OidcLogoutAuthenticationContext> {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "::1");

    @Override
    public void accept(OidcLogoutAuthenticationContext context) {
        OidcLogoutAuthenticationToken request = context.getAuthentication();
        String requested = request.getPostLogoutRedirectUri();
        if (requested == null || requested.isBlank()) {
            return;
        }
        Set<String> registered = context.getRegisteredClient().getPostLogoutRedirectUris();
        if (!registered.contains(requested) && !loopbackOnAnotherPort(requested, registered)) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                    "OpenID Connect 1.0 Logout Request Parameter: post_logout_redirect_uri",
                    "https://openid.net/specs/openid-connect-rpinitiated-1_0.html#ValidationAndErrorHandling"));
        }
    }

    private static boolean loopbackOnAnotherPort(String requested, Set<String> registered) {
        UriComponents uri = UriComponentsBuilder.fromUriString(requested).build();
        if (uri.getHost() == null || !LOOPBACK.contains(uri.getHost())) {
            return false;
        }
        return registered.stream().anyMatch(candidate -> UriComponentsBuilder.fromUriString(candidate)
                .port(uri.getPort()).build().toString().equals(uri.toString()));
    }
}
