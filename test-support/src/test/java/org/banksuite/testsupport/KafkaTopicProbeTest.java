package org.banksuite.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealInfrastructureExtension.class)
class KafkaTopicProbeTest {

    private KafkaTestProducer producer;
    private KafkaTopicProbe probe;

    @BeforeEach
    void connect(KafkaCoordinates kafka) {
        producer = new KafkaTestProducer(kafka.bootstrapServers());
        probe = new KafkaTopicProbe(kafka.bootstrapServers());
    }

    @AfterEach
    void disconnect() {
        probe.close();
        producer.close();
    }

    @Test
    void readsBackWhatTheProducerSent(KafkaCoordinates kafka) {
        String topic = kafka.topic("greetings");
        producer.send(record(topic, "account-1", "opened"));
        producer.send(record(topic, "account-1", "activated"));

        List<ConsumerRecord<String, byte[]>> records = probe.awaitRecords(topic, 2, Duration.ofSeconds(30));

        assertThat(records).extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                .containsExactly("opened", "activated");
        assertThat(probe.drain(topic, Duration.ofMillis(500))).hasSize(2);
    }

    @Test
    void reportsWhatItSawWhenTooFewRecordsArrive(KafkaCoordinates kafka) {
        String topic = kafka.topic("lonely");
        producer.send(record(topic, "account-2", "opened"));

        assertThatThrownBy(() -> probe.awaitRecords(topic, 2, Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected at least 2 record(s) on " + topic)
                .hasMessageContaining("key=account-2 value=opened");
    }

    @Test
    void reportsAMissingTopic(KafkaCoordinates kafka) {
        assertThatThrownBy(() -> probe.awaitRecords(kafka.topic("missing"), 1, Duration.ofSeconds(1)))
                .hasMessageContaining("the topic does not exist");
        assertThat(probe.drain(kafka.topic("missing"), Duration.ofMillis(300))).isEmpty();
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, String value) {
        return new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8));
    }
}
