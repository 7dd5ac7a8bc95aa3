package org.banksuite.transfers.component;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.events.accounts.v1.AccountActivated;
import org.banksuite.events.accounts.v1.AccountOpened;
import org.banksuite.events.accounts.v1.FundsReservationDeclined;
import org.banksuite.events.accounts.v1.FundsReserved;
import org.banksuite.events.transfers.v1.TransferRequested;
import org.banksuite.kit.messaging.TopicNames;
import org.banksuite.testsupport.KafkaTestProducer;

/**
 * accounts-service and the partner core (through the adapter) as a component test plays them: their events on
 * {@code accounts.events} and {@code partner-bank.events}, shaped as they publish them (CloudEvents records keyed by
 * the entity, from their own {@code ce_source}, each account's {@code ce_sequence} without gaps), so that
 * transfers-service is tested without starting either. The whole way with the real services is end-to-end-tests'.
 */
final class PlayedNeighbours implements AutoCloseable {

    private final KafkaTestProducer producer;
    private final TopicNames topics;
    private final Map<String, AtomicLong> nextAccountSequence = new ConcurrentHashMap<>();

    PlayedNeighbours(String bootstrapServers, TopicNames topics) {
        this.producer = new KafkaTestProducer(bootstrapServers);
        this.topics = topics;
    }

    /** accounts-service opens an account for {@code customer} and activates it once the core gave it its number. */
    void accountOpenedAndActivated(UUID account, String customer, String currency, String registrationNumber,
                                   String accountNumber) {
        accountsSay(new AccountOpened(account.toString(), customer, currency, "PERSONAL", Instant.now()));
        accountsSay(new AccountActivated(account.toString(), registrationNumber, accountNumber, Instant.now()));
    }

    /** accounts-service's answer to the transfer's reservation request: the amount is on hold on the debtor account. */
    void fundsReserved(TransferRequested request) {
        accountsSay(new FundsReserved(request.debtorAccountId(), request.transferId(), request.amount(), Instant.now()));
    }

    /** accounts-service's answer to the transfer's reservation request: declined for {@code reason}. */
    void fundsReservationDeclined(TransferRequested request, String reason) {
        accountsSay(new FundsReservationDeclined(request.debtorAccountId(), request.transferId(), request.amount(),
                reason, Instant.now()));
    }

    /** The core's answer as the adapter publishes it on {@code partner-bank.events}. */
    void coreSays(IntegrationEvent event) {
        producer.send(CloudEventsKafka.toRecord(topics.partnerBankEvents(),
                EventEnvelope.of(UUID.randomUUID().toString(), "/partner-bank-adapter", Instant.now(), 0, event)));
    }

    /** Sends {@code record} again, unchanged (same key, value and headers, so the same {@code ce_id}). */
    void redeliver(ConsumerRecord<String, byte[]> record) {
        producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers()));
    }

    private void accountsSay(IntegrationEvent event) {
        long sequence = nextAccountSequence.computeIfAbsent(event.subject(), account -> new AtomicLong())
                .getAndIncrement();
        producer.send(CloudEventsKafka.toRecord(topics.accountsEvents(),
                EventEnvelope.of(UUID.randomUUID().toString(), "/accounts-service", Instant.now(), sequence, event)));
    }

    @Override
    public void close() {
        producer.close();
    }
}
