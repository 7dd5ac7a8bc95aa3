package org.banksuite.simulator;

import java.util.List;
import java.util.Set;
import org.banksuite.security.AccessRules;
import org.banksuite.security.ResourceServerConfiguration;
import org.banksuite.security.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call the simulator, as a partner bank would demand credentials (service-security's README): {@code /core/v1/**}
 * a service token whose subject is one of {@code simulator.security.core-clients} (the proxy's identity,
 * {@code partner-bank-proxy}, by default: nobody else may reach the core), {@code /admin/v1/**} an admin. Refusals
 * are the door's problem+json 401/403, answered before the quota or a fault is counted.
 */
@Configuration(proxyBeanMethods = false)
@Import(ResourceServerConfiguration.class)
class SecurityConfig {

    @Bean
    AccessRules simulatorAccess(@Value("${simulator.security.core-clients:partner-bank-proxy}") List<String> coreClients) {
        return paths -> paths
                .requestMatchers("/core/v1/**").access(serviceAmong(Set.copyOf(coreClients)))
                .requestMatchers("/admin/v1/**").hasRole(Roles.ADMIN);
    }

    /** Role {@code service} and a subject among {@code clients}. */
    private static AuthorizationManager<RequestAuthorizationContext> serviceAmong(Set<String> clients) {
        return (authentication, request) -> {
            Authentication caller = authentication.get();
            boolean service = caller != null && caller.isAuthenticated() && caller.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority).anyMatch(("ROLE_" + Roles.SERVICE)::equals);
            return new AuthorizationDecision(service && clients.contains(caller.getName()));
        };
    }
}
