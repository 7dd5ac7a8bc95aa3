package org.banksuite.kit.deadletters.web;

import org.banksuite.kit.deadletters.DeadLetterQueries;
import org.banksuite.kit.deadletters.DeadLetterRepairs;
import org.banksuite.kit.deadletters.SupportAudit;
import org.banksuite.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ops API's controllers, problem handler and access rules, declared here because services do not scan the kit. */
@Configuration(proxyBeanMethods = false)
public class OpsWebConfiguration {

    @Bean
    DeadLettersController deadLettersController(DeadLetterQueries queries, DeadLetterRepairs repairs) {
        return new DeadLettersController(queries, repairs);
    }

    @Bean
    AuditController supportAuditController(SupportAudit audit) {
        return new AuditController(audit);
    }

    /** The ops API's path rules, added to the service's door ({@code ResourceServerConfiguration}). */
    @Bean
    AccessRules opsAccessRules() {
        return OpsAccessRules.rules();
    }

    @Bean
    OpsProblemHandler opsProblemHandler() {
        return new OpsProblemHandler();
    }
}
