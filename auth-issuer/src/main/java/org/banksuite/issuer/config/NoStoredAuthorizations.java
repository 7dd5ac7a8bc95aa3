package org.banksuite.issuer.config;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps no authorizations: every token is a self-contained JWT the services verify against the JWKS, and a
 * client-credentials grant needs nothing stored, so the issuer neither grows with each token (the in-memory default
 * keeps every one for ever) nor needs a database. Token introspection and revocation therefore know no token; a
 * later authorization-code flow (the support console) will need a real store.
 */
final class NoStoredAuthorizations implements OAuth2AuthorizationService {

    @Override
    public void save(OAuth2Authorization authorization) {
        // self-contained tokens: nothing to keep
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        // nothing kept
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return null;
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return null;
    }
}
