package org.banksuite.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.banksuite.events.accounts.v1.AccountActivated;
import org.banksuite.kit.tracing.RecordedSpans;
import org.banksuite.kit.tracing.Tracing;
import org.banksuite.testsupport.KafkaTopicProbe;
import org.banksuite.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The publisher against a real broker: a processor's batch commits only once every record of it is acknowledged; a
 * batch the broker refuses does not commit, and the records after it are awaited one by one, so that the refused one
 * fails its own event (and is dead-lettered by its processor).
 */
class IntegrationEventPublisherIT {

    /** A topic whose records may not exceed 100 bytes: the broker itself refuses every record, after the send. */
    private static final int SMALL_RECORDS = 100;

    private static String topic;
    private static String smallTopic;
    private static String tracedTopic;
    private static DefaultKafkaProducerFactory<String, byte[]> producers;
    private static KafkaTopicProbe probe;

    private final IntegrationEventPublisher publisher =
            new IntegrationEventPublisher(new KafkaTemplate<>(producers), "/kit-test");

    @BeforeAll
    static void topics() throws Exception {
        String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
        String prefix = TestInfrastructure.get().newTopicPrefix("publisher");
        topic = prefix + "accounts.events";
        smallTopic = prefix + "small.events";
        tracedTopic = prefix + "traced.events";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1), new NewTopic(tracedTopic, 1, (short) 1),
                    new NewTopic(smallTopic, 1, (short) 1)
                    .configs(Map.of("max.message.bytes", String.valueOf(SMALL_RECORDS))))).all().get();
        }
        producers = new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        probe = new KafkaTopicProbe(bootstrap);
    }

    @AfterAll
    static void close() {
        probe.close();
        producers.destroy();
    }

    @Test
    void aBatchIsOnTheTopicInOrderWhenItsUnitOfWorkHasCommitted() throws Exception {
        String account = UUID.randomUUID().toString();
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        for (int sequence = 0; sequence < 3; sequence++) {
            publisher.publish(topic, activated(account, "1234"), stored(account, sequence, "1234"));
        }
        batch.commit();

        assertThat(probe.awaitRecords(topic, 3, Duration.ofSeconds(30)))
                .extracting(record -> new String(record.headers().lastHeader("ce_sequence").value()))
                .containsExactly("0", "1", "2");
    }

    @Test
    void aBatchTheBrokerRefusesDoesNotCommitAndTheNextRecordsAreAwaitedOneByOne() throws Exception {
        String account = UUID.randomUUID().toString();
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        publisher.publish(smallTopic, activated(account, "1234"), stored(account, 0, "1234"));

        assertThatThrownBy(batch::commit).hasMessageContaining("not acknowledged");
        assertThat(batch.isRolledBack()).isTrue();

        DefaultUnitOfWork<?> retried = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThatThrownBy(() -> publisher.publish(smallTopic, activated(account, "1234"),
                    stored(account, 0, "1234"))).hasRootCauseInstanceOf(
                    org.apache.kafka.common.errors.RecordTooLargeException.class);
        } finally {
            retried.rollback();
        }
    }

    @Test
    void aRecordCarriesItsProducerSpanInTheStoredEventsTrace() throws Exception {
        String caller = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        RecordedSpans spans = new RecordedSpans();
        IntegrationEventPublisher traced = new IntegrationEventPublisher(new KafkaTemplate<>(producers), "/kit-test",
                spans.tracing());
        String account = UUID.randomUUID().toString();

        traced.publish(tracedTopic, activated(account, "1234"),
                stored(account, 0, "1234").andMetaData(Map.of(Tracing.TRACEPARENT, caller)));

        ConsumerRecord<String, byte[]> record = probe.awaitRecords(tracedTopic, 1, Duration.ofSeconds(30)).getFirst();
        String traceparent = new String(record.headers().lastHeader(Tracing.TRACEPARENT).value());
        SpanData producer = spans.ended().getFirst();
        assertThat(producer.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(producer.getName()).isEqualTo("publish " + tracedTopic);
        assertThat(producer.getParentSpanId()).isEqualTo(RecordedSpans.spanIdOf(caller));
        assertThat(traceparent).isEqualTo("00-" + producer.getTraceId() + "-" + producer.getSpanId() + "-01");
        assertThat(producer.getTraceId()).isEqualTo(RecordedSpans.traceIdOf(caller));
    }

    private static AccountActivated activated(String account, String number) {
        return new AccountActivated(account, "1234", number, Instant.parse("2026-11-30T12:00:00Z"));
    }

    private static DomainEventMessage<?> stored(String account, long sequence, String number) {
        return new GenericDomainEventMessage<>("Account", account, sequence, activated(account, number));
    }
}
