package org.banksuite.adapter.config;

import org.banksuite.security.AccessRules;
import org.banksuite.security.ResourceServerConfiguration;
import org.banksuite.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Who may call the adapter (service-security's README): its operation log and the on-demand entry sync under {@code /v1/**}
 * are for support staff (role {@code support}; a support lead holds it too). The {@code /ops/v1} rules come with
 * service-kit's support API.
 */
@Configuration(proxyBeanMethods = false)
@Import(ResourceServerConfiguration.class)
class SecurityConfig {

    @Bean
    AccessRules adapterAccess() {
        return paths -> paths.requestMatchers("/v1/**").hasRole(Roles.SUPPORT);
    }
}
