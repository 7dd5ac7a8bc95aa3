package org.banksuite.reconciliation.config;

import org.banksuite.security.AccessRules;
import org.banksuite.security.ResourceServerConfiguration;
import org.banksuite.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The service's door (service-security): every request needs a token of the suite's issuer for the audience
 * {@code reconciliation-service}; the mismatches and positions ({@code /v1/**}) are support's (service-security's README),
 * a customer's token answers 403. The health probes are open; {@code /actuator/prometheus} needs any valid token.
 */
@Configuration(proxyBeanMethods = false)
@Import(ResourceServerConfiguration.class)
class SecurityConfig {

    @Bean
    AccessRules reconciliationAccess() {
        return paths -> paths.requestMatchers("/v1/**").hasAnyRole(Roles.SUPPORT, Roles.SUPPORT_LEAD);
    }
}
