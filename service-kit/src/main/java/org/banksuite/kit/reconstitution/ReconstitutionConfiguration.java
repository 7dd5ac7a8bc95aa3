package org.banksuite.kit.reconstitution;

import java.util.List;
import org.banksuite.kit.deadletters.SupportAudit;
import org.banksuite.kit.messaging.IntegrationEventPublisher;
import org.banksuite.kit.messaging.TopicNames;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Support's reconstitution jobs ({@code /ops/v1/reconstitution-jobs}) on every service that imports the kit, for
 * the producers it declares as {@link ReplayableEvents} beans.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconstitutionSettings.class)
@Import(org.banksuite.kit.reconstitution.web.ReconstitutionWebConfiguration.class)
public class ReconstitutionConfiguration {

    @Bean
    JobStore reconstitutionJobStore(JdbcTemplate jdbc, TopicNames topics) {
        return new JobStore(jdbc, topics);
    }

    @Bean
    ReconstitutionJobs reconstitutionJobs(List<ReplayableEvents> producers, JobStore store, SupportAudit audit,
                                          PlatformTransactionManager transactions,
                                          @Value("${spring.application.name}") String application) {
        return new ReconstitutionJobs(new JobValidation(producers, application), store, audit,
                new TransactionTemplate(transactions));
    }

    @Bean
    JobRunner reconstitutionJobRunner(JobStore store, JdbcTemplate jdbc, org.axonframework.config.Configuration axon,
                                      KafkaTemplate<String, byte[]> kafka, IntegrationEventPublisher records,
                                      List<ReplayableEvents> producers, TopicNames topics,
                                      ReconstitutionSettings settings) {
        return new JobRunner(store, new StoredEventScan(jdbc, axon), new ReplayPublisher(kafka, records), producers,
                topics, settings);
    }
}
