package org.banksuite.kit.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.partnerbank.v1.CoreRecordTypeChanged;
import org.banksuite.kit.axon.AxonJackson;
import org.banksuite.kit.axon.StableNameSerializer;
import org.banksuite.kit.axon.StoredEventTypes;
import org.banksuite.testsupport.TestDatabase;
import org.banksuite.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An inbound event delivered late (its {@code ce_time} minutes old, as after a broker outage or in a support replay)
 * is stored by the inbox while another transaction of the service is still committing an event under it in the
 * global index: a tracking processor reading the store, as every processor of the service does, must still get that
 * event once it is committed. On Axon's JDBC event store, with the kit's schema and serializer, on real PostgreSQL.
 */
class LateInboundEventsIT {

    @Test
    void aProcessorStillGetsAnEventCommittedUnderALateInboundEvent() throws Exception {
        TestDatabase db = TestInfrastructure.get().newDatabase("kit-late-inbound");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/kit").load().migrate();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        StableNameSerializer serializer = StableNameSerializer.create(StoredEventTypes.builder().build(),
                AxonJackson::allowAxonAndSuiteTypes);
        JdbcEventStorageEngine store = JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(new SpringTransactionManager(transactions))
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
        Instant happened = Instant.now().minus(Duration.ofMinutes(5));
        var committingLast = InboundInbox.toMessage(record(Instant.now()));
        var late = InboundInbox.toMessage(record(happened));

        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<?> slowTransaction = thread.submit(() -> new TransactionTemplate(transactions)
                    .executeWithoutResult(status -> {
                        store.appendEvents(committingLast);
                        appended.countDown();
                        await(commit);
                    }));
            assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
            store.appendEvents(late);
            TrackingToken afterTheLateEvent = readAll(store, null).getLast().trackingToken();

            commit.countDown();
            slowTransaction.get(30, TimeUnit.SECONDS);

            assertThat(readAll(store, afterTheLateEvent)).extracting(TrackedEventMessage::getIdentifier)
                    .containsExactly(committingLast.getIdentifier());
        } finally {
            commit.countDown();
            thread.shutdownNow();
        }
        assertThat(late.getMetaData()).as("the producer's time, kept with the event")
                .containsEntry(InboundEvents.TIME, happened.toString());
    }

    private static List<? extends TrackedEventMessage<?>> readAll(JdbcEventStorageEngine store, TrackingToken from) {
        try (Stream<? extends TrackedEventMessage<?>> events = store.readEvents(from, false)) {
            return events.toList();
        }
    }

    /** A record as the adapter publishes it: the core changed an account's record type at {@code time}. */
    private static ConsumerRecord<String, byte[]> record(Instant time) {
        String accountId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> sent = CloudEventsKafka.toRecord("partner-bank.events", EventEnvelope.of(
                UUID.randomUUID().toString(), "/partner-bank-adapter", time, 0,
                new CoreRecordTypeChanged(accountId, "BUSINESS", time)));
        return new ConsumerRecord<>(sent.topic(), 0, 0, time.toEpochMilli(), TimestampType.CREATE_TIME,
                accountId.getBytes(StandardCharsets.UTF_8).length, sent.value().length, sent.key(), sent.value(),
                sent.headers(), Optional.empty());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
