package org.banksuite.kit.persistence;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kit's scripts ({@code db/kit}, versions 0.x) are numbered below a service's own (1, 2, ...) but a new one is
 * written after them: a database that already has the service's V3 must still take the kit's V0_3, so Flyway applies
 * missing lower versions. They are safe out of order: the kit's scripts and a service's touch different tables.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer")
public class KitMigrations {

    @Bean
    FlywayConfigurationCustomizer kitScriptsOutOfOrder() {
        return configuration -> configuration.outOfOrder(true);
    }
}
