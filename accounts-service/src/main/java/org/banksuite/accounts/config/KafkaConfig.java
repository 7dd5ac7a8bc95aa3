package org.banksuite.accounts.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /**
     * A record that cannot be stored in the inbox (the database is down, say) is retried with back-off from
     * 1 s up to 30 s, for as long as it takes: never skipped, never in a hot loop. Records that can be stored
     * but not processed go to Axon's dead-letter queue instead, after the inbox.
     */
    @Bean
    DefaultErrorHandler inboundErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(30_000);
        return new DefaultErrorHandler(backOff);
    }
}
