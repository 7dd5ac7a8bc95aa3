package org.banksuite.accounts.config;

import org.banksuite.security.AccessRules;
import org.banksuite.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call which part of the accounts API (issue 13; the roles come from the caller's token). Customers use
 * {@code /v1}, for their own accounts only (the controller and the aggregate check the owner); support may block any
 * account, and only a support lead may lift a block. {@code /ops/v1} is the service kit's.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfig {

    @Bean
    AccessRules accountsAccess() {
        return paths -> paths
                .requestMatchers(HttpMethod.POST, "/v1/accounts/{accountId}/unblock").hasRole(Roles.SUPPORT_LEAD)
                .requestMatchers(HttpMethod.POST, "/v1/accounts/{accountId}/block")
                .hasAnyRole(Roles.CUSTOMER, Roles.SUPPORT)
                .requestMatchers("/v1/**").hasRole(Roles.CUSTOMER);
    }
}
