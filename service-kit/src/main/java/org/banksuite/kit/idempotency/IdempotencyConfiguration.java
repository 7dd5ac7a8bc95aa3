package org.banksuite.kit.idempotency;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Idempotency-Keys of creating requests, kept in the service's {@code idempotency_record} table. */
@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    @Bean
    IdempotencyStore idempotencyStore(JdbcTemplate jdbc) {
        return new IdempotencyStore(jdbc);
    }

    @Bean
    IdempotentRequests idempotentRequests(IdempotencyStore store, JsonMapper json, EventStore eventStore) {
        return new IdempotentRequests(store, json, StoredResources.inEventStore(eventStore));
    }
}
