package org.banksuite.launcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.banksuite.events.Topics;
import org.banksuite.infra.KafkaBroker;
import org.banksuite.infra.KafkaBrokerSettings;
import org.banksuite.infra.KafkaCredentials;
import org.banksuite.infra.KafkaSecurity;
import org.banksuite.launcher.demo.TopicCensus;
import org.banksuite.launcher.demo.TopicEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local stack's broker with SASL/SCRAM and the ACLs of {@link KafkaAccess}, as {@code ./suite up} provisions it:
 * every principal may write exactly the topics the table gives it and read what it consumes; a record forged on
 * another service's topic, a read of a topic not consumed, another service's consumer group, an anonymous client and
 * a wrong password are all refused by the broker. One broker for the class.
 */
class KafkaAclIT {

    private static final Map<String, KafkaCredentials> CREDENTIALS = new HashMap<>();
    private static KafkaBroker broker;

    @BeforeAll
    static void startSecuredBroker() {
        broker = new KafkaBroker(KafkaBrokerSettings.forTests().withSecurity(
                new KafkaSecurity(credentials(KafkaAccess.BROKER), credentials(KafkaAccess.ADMIN)))).start();
        KafkaProvisioning.apply(broker.adminClientProperties(), KafkaAccess.ALL, KafkaAclIT::credentials);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void everyPrincipalMayWriteExactlyTheTopicsOfTheTable() {
        for (PrincipalAccess access : KafkaAccess.ALL) {
            Set<String> writable = new TreeSet<>();
            for (String topic : KafkaAccess.topics()) {
                // a producer per topic: a refused producer id leaves a producer in an error state for every topic
                try (var producer = producer(credentials(access.principal()))) {
                    if (sent(producer, topic, "probe-" + UUID.randomUUID())) {
                        writable.add(topic);
                    }
                }
            }
            assertThat(writable).as("topics " + access.principal() + " may write").isEqualTo(new TreeSet<>(access.writes()));
        }
    }

    @Test
    void refusesARecordForgedOnAnotherServicesTopic() {
        String forgedByAdapter = "forged-" + UUID.randomUUID();
        String forgedByAccounts = "forged-" + UUID.randomUUID();

        try (var adapter = producer(credentials("partner-bank-adapter"))) {
            assertThatThrownBy(() -> adapter.send(new ProducerRecord<>(Topics.ACCOUNTS_EVENTS, forgedByAdapter,
                    "{}")).get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (var accounts = producer(credentials("accounts-service"))) {
            assertThatThrownBy(() -> accounts.send(new ProducerRecord<>(Topics.PARTNER_BANK_EVENTS, forgedByAccounts,
                    "{}")).get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(TopicAuthorizationException.class);
        }

        assertThat(keysOn(Topics.ACCOUNTS_EVENTS)).doesNotContain(forgedByAdapter);
        assertThat(keysOn(Topics.PARTNER_BANK_EVENTS)).doesNotContain(forgedByAccounts);
    }

    @Test
    void aServiceReadsWhatItConsumesInItsOwnGroup() throws Exception {
        String transfer = "transfer-" + UUID.randomUUID();
        try (var transfers = producer(credentials("transfers-service"))) {
            transfers.send(new ProducerRecord<>(Topics.TRANSFERS_EVENTS, transfer, "{}")).get(30, TimeUnit.SECONDS);
        }

        try (var accounts = consumer(credentials("accounts-service"), "accounts-service", Topics.TRANSFERS_EVENTS)) {
            List<String> keys = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!keys.contains(transfer) && System.nanoTime() < deadline) {
                accounts.poll(Duration.ofMillis(500)).forEach(record -> keys.add(record.key()));
            }
            assertThat(keys).contains(transfer);
        }
    }

    @Test
    void refusesReadingATopicTheServiceDoesNotConsume() {
        try (var accounts = consumer(credentials("accounts-service"), "accounts-service", Topics.ACCOUNTS_EVENTS)) {
            assertThatThrownBy(() -> pollFor(accounts, Duration.ofSeconds(30)))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void refusesAnotherServicesConsumerGroup() {
        try (var accounts = consumer(credentials("accounts-service"), "transfers-service", Topics.TRANSFERS_EVENTS)) {
            assertThatThrownBy(() -> pollFor(accounts, Duration.ofSeconds(30)))
                    .isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void refusesAnAnonymousClient() {
        String anonymous = "anonymous-" + UUID.randomUUID();
        Map<String, Object> plaintext = Map.of("bootstrap.servers", broker.bootstrapServers());
        try (var producer = new KafkaProducer<String, String>(producerConfig(plaintext))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.ACCOUNTS_EVENTS, anonymous, "{}"))
                    .get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class); // never past the handshake
        }
        assertThat(keysOn(Topics.ACCOUNTS_EVENTS)).doesNotContain(anonymous);
    }

    @Test
    void refusesAWrongPassword() {
        KafkaCredentials impostor = KafkaCredentials.generate("accounts-service");
        try (var producer = producer(impostor)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.ACCOUNTS_EVENTS, "impostor", "{}"))
                    .get(30, TimeUnit.SECONDS)).hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static synchronized KafkaCredentials credentials(String principal) {
        return CREDENTIALS.computeIfAbsent(principal, KafkaCredentials::generate);
    }

    private static boolean sent(KafkaProducer<String, String> producer, String topic, String key) {
        try {
            producer.send(new ProducerRecord<>(topic, key, "{}")).get(30, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            return refused(topic, e.getCause());
        } catch (KafkaException e) { // the refusal came before send returned: thrown, not in the future
            return refused(topic, e.getCause() == null ? e : e.getCause());
        } catch (Exception e) {
            throw new AssertionError("sending to " + topic + " failed otherwise", e);
        }
    }

    /**
     * False for the broker's refusals; a principal with no Write anywhere gets no producer id, so its refusal is a
     * {@link ClusterAuthorizationException}, surfacing in the future or, when the sender thread had it first, thrown
     * by {@code send} itself.
     */
    private static boolean refused(String topic, Throwable cause) {
        if (cause instanceof TopicAuthorizationException || cause instanceof ClusterAuthorizationException) {
            return false;
        }
        throw new AssertionError("sending to " + topic + " failed otherwise", cause);
    }

    /** Every key on {@code topic}, read to its end as the read-only observer (the demo's census). */
    private static Set<String> keysOn(String topic) {
        try (TopicCensus census = new TopicCensus(broker.bootstrapServers(),
                credentials(KafkaAccess.OBSERVER).clientProperties())) {
            return census.read(topic).stream().map(TopicEvent::entityId).collect(Collectors.toSet());
        }
    }

    private static KafkaProducer<String, String> producer(KafkaCredentials credentials) {
        return new KafkaProducer<>(producerConfig(broker.clientProperties(credentials)));
    }

    private static Map<String, Object> producerConfig(Map<String, Object> clientProperties) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true); // as the services send
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return config;
    }

    private static KafkaConsumer<String, String> consumer(KafkaCredentials credentials, String group, String topic) {
        Map<String, Object> config = new HashMap<>(broker.clientProperties(credentials));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Polls until {@code within} has passed; the broker's refusal surfaces as the exception a poll throws. */
    private static List<ConsumerRecord<String, String>> pollFor(KafkaConsumer<String, String> consumer, Duration within) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
