package org.banksuite.kit.inbox;

import java.util.Map;

/**
 * A Kafka record that could not be read as an integration event (bad headers, unknown type, bad JSON). It is
 * kept in the inbox like any other inbound event, so that it lands in the dead-letter queue, is never
 * skipped, and holds back later events of the same entity until support deals with it.
 */
public record UnreadableInboundRecord(String topic, int partition, long offset, String key,
                                      Map<String, String> headers, String valueBase64, String reason) {
}
