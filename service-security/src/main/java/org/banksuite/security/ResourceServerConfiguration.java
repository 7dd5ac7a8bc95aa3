package org.banksuite.security;

import java.time.Duration;
import java.util.List;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.util.unit.DataSize;

/**
 * Makes a service an OAuth 2.0 resource server of the suite's issuer (or the bank's, by configuration alone):
 * every request needs a valid bearer token ({@link SuiteJwtDecoders}) except the health probes
 * ({@code /actuator/health/**}); the service's {@link AccessRules} say which roles may call which paths. Refusals
 * are problem+json: 401 {@code unauthorized}, 403 {@code forbidden}, 413 {@code payload-too-large}, 503
 * {@code issuer-unavailable}. Stateless: no session, no cookies, so no CSRF token is needed.
 *
 * <p>Properties: {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (required),
 * {@code ...jwt.jwk-set-uri} (else discovered), {@code ...jwt.audiences} (default {@code spring.application.name}),
 * {@code suite.security.roles-claim} ({@code roles}), {@code suite.security.clock-skew} ({@code 30s}),
 * {@code suite.security.max-body-size} ({@code 64KB}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class ResourceServerConfiguration {

    @Bean
    JwtDecoder suiteJwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer,
                               @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}") String jwkSetUri,
                               @Value("${spring.security.oauth2.resourceserver.jwt.audiences:${spring.application.name}}")
                               List<String> audiences,
                               @Value("${suite.security.clock-skew:30s}") Duration clockSkew) {
        return SuiteJwtDecoders.create(issuer, jwkSetUri, audiences, clockSkew);
    }

    @Bean
    SecurityFilterChain suiteSecurityFilterChain(HttpSecurity http, ObjectProvider<AccessRules> rules,
                                                 @Value("${suite.security.roles-claim:roles}") String rolesClaim)
            throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
        ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .authorizeHttpRequests(paths -> {
                    paths.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                    paths.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    rules.orderedStream().forEach(rule -> rule.configure(paths));
                    paths.anyRequest().authenticated();
                })
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .oauth2ResourceServer(server -> server
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authentication(rolesClaim)))
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                AuthenticationEntryPointFailureHandler failures =
                                        new AuthenticationEntryPointFailureHandler(entryPoint);
                                failures.setRethrowAuthenticationServiceException(false);
                                filter.setAuthenticationFailureHandler(failures);
                                return filter;
                            }
                        }));
        return http.build();
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
            @Value("${suite.security.max-body-size:64KB}") DataSize maxBodySize) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(maxBodySize.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    private static JwtAuthenticationConverter authentication(String rolesClaim) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(rolesClaim);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        converter.setPrincipalClaimName("sub");
        return converter;
    }
}
