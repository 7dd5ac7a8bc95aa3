package org.banksuite.adapter.config;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;

/**
 * The adapter's own access token for the proxy: a client-credentials token from the issuer (Spring Security's client
 * registration {@value #REGISTRATION}: {@code spring.security.oauth2.client.registration.core.*} and
 * {@code ...provider.core.token-uri}), kept in memory until 30 s before it expires, and put on every request to the
 * proxy by Spring Security's {@link OAuth2ClientHttpRequestInterceptor}. A 401/403 from the proxy drops it, so the
 * next attempt fetches a new one. A token the issuer does not give, or that the proxy refuses, is never a core answer
 * (see {@code ProxyAnswers}).
 */
@Configuration(proxyBeanMethods = false)
class ProxyTokenConfig {

    /** The client registration of the adapter's calls to the proxy. */
    static final String REGISTRATION = "core";

    @Bean
    OAuth2ClientHttpRequestInterceptor proxyTokens(ClientRegistrationRepository registrations,
                                                   OAuth2AuthorizedClientService store) {
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, store);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(grant -> grant.clockSkew(Duration.ofSeconds(30))).build());
        // the token is the adapter's own, whichever thread (saga, schedule, request) makes the call
        Authentication adapter = new AnonymousAuthenticationToken(REGISTRATION,
                registrations.findByRegistrationId(REGISTRATION).getClientId(),
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setClientRegistrationIdResolver(request -> REGISTRATION);
        interceptor.setPrincipalResolver(request -> adapter);
        interceptor.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(store));
        return interceptor;
    }
}
