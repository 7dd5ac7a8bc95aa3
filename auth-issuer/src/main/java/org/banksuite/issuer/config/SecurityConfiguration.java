package org.banksuite.issuer.config;

import java.util.Set;

import jakarta.servlet.DispatcherType;
import org.banksuite.issuer.clients.CustomerIdRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Two filter chains. The authorization server's endpoints: the token endpoint (client authentication by
 * {@code client_secret_basic}, then {@link CustomerIdRule}), the authorization endpoint for the support console
 * (only clients with the authorization-code grant: {@link AuthorizationCodeClientsOnly}; a person not yet signed in
 * is sent to the login page when a browser asks, else 401), OIDC sign-out, and the open discovery documents and
 * JWKS. Everything else: the login page (form login of the support staff, CSRF-protected) and
 * {@code /actuator/health/**} are open, the rest is refused with 401.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Spring Security's generated login page, where support staff sign in. */
    private static final String LOGIN_PAGE = "/login";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, RegisteredClientRepository clients,
                                            AuthorizationServerSettings settings) throws Exception {
        http.addFilterBefore(new AuthorizationCodeClientsOnly(settings.getAuthorizationEndpoint(), clients),
                        CsrfFilter.class)
                .oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(oidc -> oidc.logoutEndpoint(logout -> logout.authenticationProviders(providers ->
                                    providers.forEach(provider -> {
                                        if (provider instanceof OidcLogoutAuthenticationProvider signOut) {
                                            signOut.setAuthenticationValidator(new LoopbackPostLogoutRedirect());
                                        }
                                    }))))
                            .tokenEndpoint(token -> token.authenticationProviders(providers -> providers.forEach(
                                    provider -> {
                                        if (provider instanceof OAuth2ClientCredentialsAuthenticationProvider grant) {
                                            grant.setAuthenticationValidator(new CustomerIdRule());
                                        }
                                    })));
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE),
                                browsers())
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                AnyRequestMatcher.INSTANCE));
        return http.build();
    }

    /** Requests that ask for HTML by name (a browser); no {@code Accept} or {@code *}{@code /*} is not one. */
    private static MediaTypeRequestMatcher browsers() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // an error the endpoints answer (a refused authorization request's 400) keeps its status
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().denyAll())
                .formLogin(form -> form.permitAll())
                // a default entry point, not the entry point: setting that would turn off the generated login page
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), AnyRequestMatcher.INSTANCE));
        return http.build();
    }
}
