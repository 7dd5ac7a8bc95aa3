package org.banksuite.issuer.config;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps only what a person's sign-in needs: an authorization-code grant must be found again by its code, its
 * refresh token and its ID token (sign-out), so those live in memory; client-credentials grants are kept nowhere
 * (see {@link NoStoredAuthorizations}), so the services' token requests never make the issuer grow. A restart
 * forgets the sign-ins: the console's users sign in again.
 */
final class SignInAuthorizations implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService signIns = new InMemoryOAuth2AuthorizationService();
    private final OAuth2AuthorizationService clientGrants = new NoStoredAuthorizations();

    @Override
    public void save(OAuth2Authorization authorization) {
        storeFor(authorization).save(authorization);
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        storeFor(authorization).remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return signIns.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return signIns.findByToken(token, tokenType);
    }

    private OAuth2AuthorizationService storeFor(OAuth2Authorization authorization) {
        return AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())
                ? clientGrants : signIns;
    }
}
