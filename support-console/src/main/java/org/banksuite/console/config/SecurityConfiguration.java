package org.banksuite.console.config;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may use the console: a person signed in through the suite's issuer ({@code oauth2Login}, registration
 * {@code suite}, authorization code with PKCE) who holds the role {@code support}; nothing else is open but
 * {@code /actuator/health/**}. Roles come from the ID token's {@code roles} claim (the issuer writes the person's
 * roles there and in the access token) and become authorities of the same name. CSRF protection stays on for
 * every form; sign-out ends the session here and at the issuer (OIDC RP-initiated logout).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The roles claim of the suite's tokens (service-security's README). */
    static final String ROLES_CLAIM = "roles";
    public static final String SUPPORT = "support";
    public static final String SUPPORT_LEAD = "support-lead";

    @Bean
    SecurityFilterChain console(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler issuerLogout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        issuerLogout.setPostLogoutRedirectUri("{baseUrl}/");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/css/**", "/js/**").permitAll()
                        .anyRequest().hasAuthority(SUPPORT))
                .oauth2Login(login -> login.authorizationEndpoint(endpoint ->
                        endpoint.authorizationRequestResolver(withPkce(registrations))))
                .logout(logout -> logout.logoutSuccessHandler(issuerLogout));
        return http.build();
    }

    /** PKCE (S256) on every authorization request, also for this confidential client: the issuer requires it. */
    private static OAuth2AuthorizationRequestResolver withPkce(ClientRegistrationRepository registrations) {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    /** The person's roles (the ID token's {@code roles} claim) as authorities of the same name. */
    @Bean
    GrantedAuthoritiesMapper rolesFromIdToken() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc
                        && oidc.getIdToken().getClaim(ROLES_CLAIM) instanceof Collection<?> roles) {
                    roles.forEach(role -> mapped.add(new SimpleGrantedAuthority(String.valueOf(role))));
                }
            }
            return List.copyOf(mapped);
        };
    }
}
