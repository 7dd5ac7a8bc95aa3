package org.banksuite.reconciliation.config;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.backoff.ExponentialBackOff;

/** Wiring of the job: its settings, topics, clock, and how a failed record is retried. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(ReconciliationSettings.class)
class ReconciliationConfig {

    @Bean(ReconciliationTopics.BEAN)
    ReconciliationTopics reconciliationTopics(@Value("${suite.topics.prefix:}") String prefix) {
        return new ReconciliationTopics(prefix);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * A record the consumer could read but not store (the database is down, say) is retried, with back-off up to
     * 30 s, until it is stored: skipping it would hide an entry. Unreadable records never get here (the consumer
     * skips them), and no parsed value can be refused by the tables (unbounded text and numeric columns).
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        return new DefaultErrorHandler(backOff);
    }
}
