package org.banksuite.console.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The entity story's settings ({@code console.story.*}); the topics are read with Spring Boot's {@code spring.kafka.*}
 * client settings (bootstrap servers, and SASL for the principal {@code support-console} on the local stack).
 *
 * @param reconciliationUrl reconciliation-service's address for {@code GET /v1/mismatches}; not one of
 *                          {@code console.services}, which are the services with an {@code /ops/v1} API
 *                          (reconciliation-service has none). Unset: mismatches show as unavailable
 * @param maxRecords        at most this many records are read from the topics for one story
 * @param maxTime           at most this long is spent reading the topics for one story
 * @param topicPrefix       put before every topic name (tests share one broker; empty in the suite)
 */
@ConfigurationProperties("console.story")
public record StoryProperties(URI reconciliationUrl, @DefaultValue("50000") int maxRecords,
                             @DefaultValue("5s") Duration maxTime, @DefaultValue("") String topicPrefix) {
}
