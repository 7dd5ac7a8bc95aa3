package org.banksuite.issuer.config;

import org.banksuite.issuer.clients.CustomerIdRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * Two filter chains. The authorization server's endpoints: the token endpoint (client authentication by
 * {@code client_secret_basic}, then {@link CustomerIdRule}), and the open discovery documents and JWKS. Everything
 * else, the authorization endpoint included (no client may use it yet): only {@code /actuator/health/**} is open,
 * the rest is refused with 401 (no login page: no user-facing flow).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String AUTHORIZATION_ENDPOINT = "/oauth2/authorize";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    // no client has the authorization-code grant yet, and SAS 7.1.1 fails with a
                    // NoSuchElementException on an authorization request for a client without redirect URIs:
                    // that endpoint is left to the second chain (401) until the support console adds the grant
                    http.securityMatcher(new AndRequestMatcher(server.getEndpointsMatcher(),
                            new NegatedRequestMatcher(PathPatternRequestMatcher.pathPattern(AUTHORIZATION_ENDPOINT))));
                    server.oidc(Customizer.withDefaults())
                            .tokenEndpoint(token -> token.authenticationProviders(providers -> providers.forEach(
                                    provider -> {
                                        if (provider instanceof OAuth2ClientCredentialsAuthenticationProvider grant) {
                                            grant.setAuthenticationValidator(new CustomerIdRule());
                                        }
                                    })));
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().denyAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }
}
