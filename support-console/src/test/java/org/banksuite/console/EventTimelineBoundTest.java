package org.banksuite.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.banksuite.console.config.StoryProperties;
import org.banksuite.console.story.client.EventTimeline;
import org.banksuite.console.story.client.Timeline;
import org.banksuite.console.story.client.Timeline.Kind;
import org.banksuite.console.story.client.TopicReading;
import org.banksuite.events.Topics;
import org.banksuite.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

/** The bound on one story's reading, against test-support's real broker: what it stops says so. */
class EventTimelineBoundTest {

    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    @Test
    void stopsAtTheBoundOnRecordsAndSaysTheTopicWasNotReadToItsEnd() throws Exception {
        String account = UUID.randomUUID().toString();
        try (TopicEvents topics = TopicEvents.created()) {
            for (int event = 0; event < 5; event++) {
                topics.publish(Topics.ACCOUNTS_EVENTS, "/accounts-service", UUID.randomUUID().toString(),
                        T0.plusSeconds(event), event, null,
                        TopicEvents.accountOpened(account, T0.plusSeconds(event)));
            }

            Timeline bounded = timeline(topics.prefix(), 2).of(account);
            Timeline whole = timeline(topics.prefix(), 50_000).of(account);

            TopicReading accounts = bounded.readings().getFirst();
            assertThat(accounts.topic()).isEqualTo(Topics.ACCOUNTS_EVENTS);
            assertThat(accounts.complete()).isFalse();
            assertThat(accounts.records()).isLessThan(5);
            assertThat(whole.kind()).isEqualTo(Kind.ACCOUNT);
            assertThat(whole.events()).hasSize(5);
            assertThat(whole.readings()).allSatisfy(reading -> assertThat(reading.complete()).isTrue());
        }
    }

    private static EventTimeline timeline(String prefix, int maxRecords) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        return new EventTimeline(() -> new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer()), new StoryProperties(null, maxRecords, Duration.ofSeconds(10), prefix),
                Clock.systemUTC());
    }
}
