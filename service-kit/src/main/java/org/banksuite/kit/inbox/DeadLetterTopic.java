package org.banksuite.kit.inbox;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.banksuite.kit.messaging.TopicNames;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Publishes a record the service could not read, as it came, to {@code <topic>.dlt}: its key, value and headers, plus
 * Spring Kafka's {@code kafka_dlt-*} headers naming where it came from and why it was unreadable. The inbox keeps
 * and dead-letters it as well; the topic is for whoever looks outside the service.
 */
public class DeadLetterTopic {

    private final KafkaTemplate<String, byte[]> kafka;
    private final TopicNames topics;

    public DeadLetterTopic(KafkaTemplate<String, byte[]> kafka, TopicNames topics) {
        this.kafka = kafka;
        this.topics = topics;
    }

    /** Returns once the broker acknowledged the record; fails (and the inbound record is redelivered) otherwise. */
    public void publish(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topics.deadLetterTopicOf(record.topic()),
                record.key(), record.value());
        for (Header header : record.headers()) {
            dead.headers().add(header);
        }
        header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC, record.topic());
        header(dead, KafkaHeaders.DLT_ORIGINAL_PARTITION, Integer.toString(record.partition()));
        header(dead, KafkaHeaders.DLT_ORIGINAL_OFFSET, Long.toString(record.offset()));
        header(dead, KafkaHeaders.DLT_EXCEPTION_FQCN, UnreadableInboundRecordException.class.getName());
        header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE, reason);
        try {
            kafka.send(dead).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while publishing to " + dead.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("Could not publish the unreadable record to " + dead.topic(), e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}
