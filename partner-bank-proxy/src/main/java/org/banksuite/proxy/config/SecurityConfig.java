package org.banksuite.proxy.config;

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
 * Who may call the proxy (service-security's README): {@code /core/v1/**} a service token whose subject is one of
 * {@code proxy.security.core-clients} (the adapter's identity, {@code partner-bank-adapter}, by default: the proxy is
 * the only door to the core, and only the adapter may knock), {@code /admin/v1/**} an admin. Refusals are the door's
 * problem+json 401/403, answered by a filter before any lane, quota or core call is touched.
 */
@Configuration(proxyBeanMethods = false)
@Import(ResourceServerConfiguration.class)
class SecurityConfig {

    @Bean
    AccessRules proxyAccess(@Value("${proxy.security.core-clients:partner-bank-adapter}") List<String> coreClients) {
        return paths -> paths
                .requestMatchers("/core/v1/**").access(ServiceCallers.among(coreClients))
                .requestMatchers("/admin/v1/**").hasRole(Roles.ADMIN);
    }
}
