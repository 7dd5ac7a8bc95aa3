package org.banksuite.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * One service's rules of who may call which path, added after the open health probes and before the closing rule
 * that every other request needs a valid token. Declare one bean per service, e.g.
 * <pre>{@code
 * @Bean AccessRules accountsAccess() {
 *     return paths -> paths
 *             .requestMatchers(HttpMethod.POST, "/v1/accounts/{id}/unblock").hasRole(Roles.SUPPORT_LEAD)
 *             .requestMatchers("/v1/**").hasRole(Roles.CUSTOMER);
 * }
 * }</pre>
 * Object-level checks (a customer's own accounts) belong in the service, with {@link Caller}.
 */
@FunctionalInterface
public interface AccessRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry paths);
}
