package org.banksuite.proxy.core;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;

/**
 * The proxy's own access token for the core: a client-credentials token from the issuer (Spring Security's client
 * registration {@value #REGISTRATION}), kept until shortly before it expires, and put on every request to the core
 * by Spring Security's {@link OAuth2ClientHttpRequestInterceptor}. The token belongs to the proxy, never to its
 * caller: the adapter's token in the request's security context is not what the core sees.
 */
public final class CoreTokens {

    /** The client registration: {@code spring.security.oauth2.client.registration.core.*}. */
    public static final String REGISTRATION = "core";

    private final OAuth2AuthorizedClientManager clients;
    private final Authentication proxy;

    CoreTokens(OAuth2AuthorizedClientManager clients, String clientId) {
        this.clients = clients;
        this.proxy = new AnonymousAuthenticationToken(REGISTRATION, clientId,
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    }

    /**
     * Makes sure a token is at hand before the quota is spent on a call (the interceptor then finds it cached).
     *
     * @throws CoreFailure.NotAuthorized when the issuer gives none (unreachable, or it refused the proxy's credentials)
     */
    void ensure() {
        OAuth2AuthorizedClient client;
        try {
            client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                    .principal(proxy).build());
        } catch (RuntimeException noToken) {
            throw new CoreFailure.NotAuthorized("the issuer gave the proxy no token for the core", noToken);
        }
        if (client == null) {
            throw new CoreFailure.NotAuthorized("the issuer gave the proxy no token for the core", null);
        }
    }

    /** Puts the token on each request; a 401/403 from the core drops it, so the next attempt gets a new one. */
    ClientHttpRequestInterceptor interceptor(OAuth2AuthorizedClientService store) {
        OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(clients);
        interceptor.setClientRegistrationIdResolver(request -> REGISTRATION);
        interceptor.setPrincipalResolver(request -> proxy);
        interceptor.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(store));
        return interceptor;
    }
}
