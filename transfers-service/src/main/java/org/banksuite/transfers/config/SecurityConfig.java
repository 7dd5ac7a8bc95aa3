package org.banksuite.transfers.config;

import org.banksuite.security.AccessRules;
import org.banksuite.security.ResourceServerConfiguration;
import org.banksuite.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The transfers service's door (service-security): customers (a BFF's token for one customer) use {@code /v1/**},
 * support staff ask for a transfer's resolution under {@code /ops/v1/transfers/**}. Which transfers and accounts a
 * customer may see is decided per object in the controller (their own only, another's answers 404). Rules from
 * service-security's README.
 */
@Configuration(proxyBeanMethods = false)
@Import(ResourceServerConfiguration.class)
class SecurityConfig {

    /**
     * Ordered first: its paths are specific, so the generic {@code /ops/v1/**} rules of service-kit (dead letters,
     * reconstitution jobs) still apply to every other support path.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    AccessRules transfersAccess() {
        return paths -> paths
                .requestMatchers("/ops/v1/transfers/**").hasRole(Roles.SUPPORT)
                .requestMatchers("/v1/**").hasRole(Roles.CUSTOMER);
    }
}
