package org.banksuite.simulator;

import java.util.List;
import org.banksuite.security.AccessRules;
import org.banksuite.security.ResourceServerConfiguration;
import org.banksuite.security.Roles;
import org.banksuite.security.ServiceCallers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

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
                .requestMatchers("/core/v1/**").access(ServiceCallers.among(coreClients))
                .requestMatchers("/admin/v1/**").hasRole(Roles.ADMIN);
    }
}
