package org.banksuite.kit.deadletters;

import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Support's dead-letter API ({@code /ops/v1/dead-letters}, {@code /ops/v1/audit}) on every service that imports the
 * kit: the queries and repairs here, the controllers and their problems in {@code web}.
 */
@Configuration(proxyBeanMethods = false)
@Import(org.banksuite.kit.deadletters.web.OpsWebConfiguration.class)
public class DeadLettersConfiguration {

    @Bean
    DeadLetterQueues deadLetterQueues(EventProcessingConfiguration processing) {
        return new DeadLetterQueues(processing);
    }

    /** Its own mapper: the event payloads are shown as JSON whatever the service's web settings. */
    @Bean
    DeadLetterQueries deadLetterQueries(DeadLetterQueues queues) {
        return new DeadLetterQueries(queues, JsonMapper.builder().build());
    }

    @Bean
    SupportAudit supportAudit(JdbcTemplate jdbc) {
        return new SupportAudit(jdbc);
    }

    @Bean
    DeadLetterRepairs deadLetterRepairs(DeadLetterQueues queues, DeadLetterQueries queries, SupportAudit audit) {
        return new DeadLetterRepairs(queues, queries, audit);
    }
}
