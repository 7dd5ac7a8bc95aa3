package org.banksuite.kit.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Handles a record the inbox could not read when it arrived: it reads the kept raw record again and, if this
 * version of the service can read it now (an event type or version it has learnt since), hands the event to the
 * service's inbound handlers. A record still unreadable fails into the dead-letter queue, holding back later events
 * of its entity; support then retries it after the upgrade, or evicts it.
 */
@ProcessingGroup(Inbox.PROCESSING_GROUP)
public class UnreadableRecords {

    private final ApplicationContext context;
    private volatile List<AnnotationEventHandlerAdapter> handlers;

    public UnreadableRecords(ApplicationContext context) {
        this.context = context;
    }

    @EventHandler
    void on(UnreadableInboundRecord record) throws Exception {
        EventMessage<?> event = InboundInbox.toMessage(raw(record));
        if (event.getPayload() instanceof UnreadableInboundRecord stillUnreadable) {
            throw new UnreadableInboundRecordException(stillUnreadable);
        }
        for (AnnotationEventHandlerAdapter handler : handlers()) {
            if (handler.canHandle(event)) {
                handler.handle(event);
            }
        }
    }

    /** The service's other inbound handlers, found once the context is complete. */
    private List<AnnotationEventHandlerAdapter> handlers() {
        if (handlers == null) {
            handlers = context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                    .filter(bean -> bean != this)
                    .filter(bean -> Inbox.PROCESSING_GROUP.equals(AnnotatedElementUtils.findMergedAnnotation(
                            ClassUtils.getUserClass(bean), ProcessingGroup.class).value()))
                    .map(AnnotationEventHandlerAdapter::new)
                    .toList();
        }
        return handlers;
    }

    private static ConsumerRecord<String, byte[]> raw(UnreadableInboundRecord record) {
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach((key, value) ->
                headers.add(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
        byte[] value = record.valueBase64() == null ? null : Base64.getDecoder().decode(record.valueBase64());
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE, ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, record.key(),
                value, headers, Optional.empty());
    }
}
