package org.banksuite.events;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document shipped in the jar ({@code asyncapi/banksuite-events.asyncapi.yaml}) is valid AsyncAPI 3.0.0
 * and in step with the code: one message per {@link EventCatalog} entry, on its topic, with its JSON Schema, and the
 * headers {@link CloudEventsKafka} writes. The AsyncAPI 3.0.0 JSON Schema is the one the AsyncAPI Initiative
 * publishes ({@code @asyncapi/specs} 6.11.1, {@code schemas/3.0.0-without-$id.json}, Apache License 2.0).
 */
class AsyncApiDocumentTest {

    private static final String DOCUMENT = "asyncapi/banksuite-events.asyncapi.yaml";
    private static final String RECONSTITUTION_ADDRESS = "reconstitution.{receiver}";
    private static final JsonNode ASYNCAPI = new YAMLMapper().readTree(Resources.read(DOCUMENT));

    static List<CatalogEntry> eventTypes() {
        return EventCatalog.all();
    }

    @Test
    void isAValidAsyncApi300Document() {
        Schema asyncApi300 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(new ByteArrayInputStream(Resources.read("asyncapi-3.0.0.schema.json")));

        assertThat(asyncApi300.validate(ASYNCAPI)).isEmpty();
    }

    @Test
    void everyReferenceResolves() {
        List<String> unresolved = new ArrayList<>();
        references(ASYNCAPI).forEach(ref -> {
            boolean resolves = ref.startsWith("#/")
                    ? !ASYNCAPI.at(ref.substring(1)).isMissingNode()
                    : Resources.exists(fileOf(ref));
            if (!resolves) {
                unresolved.add(ref);
            }
        });

        assertThat(unresolved).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void describesEveryEventTypeWithItsSchemaOnItsTopic(CatalogEntry entry) {
        JsonNode message = message(entry.ceType());

        assertThat(message.isMissingNode()).as("message %s", entry.ceType()).isFalse();
        assertThat(fileOf(message.at("/payload/schema/$ref").asString())).isEqualTo(entry.schemaResource());
        assertThat(message.at("/headers/properties/ce_type/const").asString()).isEqualTo(entry.ceType());
        List<String> channels = entry.topic().equals(Topics.RECONCILIATION_EVENTS)
                ? List.of(entry.topic())
                : List.of(entry.topic(), RECONSTITUTION_ADDRESS);
        assertThat(channelsListing(entry.ceType())).containsExactlyInAnyOrderElementsOf(channels);
    }

    @Test
    void describesNoMessageThatIsNotCatalogued() {
        Set<String> catalogued = new TreeSet<>(eventTypes().stream().map(CatalogEntry::ceType).toList());

        assertThat(ASYNCAPI.at("/components/messages").propertyNames()).isSubsetOf(catalogued);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void headersOfAPublishedRecordSatisfyItsMessage(CatalogEntry entry) {
        IntegrationEvent event = EventJson.deserialize(entry.ceType(), Resources.golden(entry));
        EventEnvelope envelope = EventEnvelope.of("0d5b2c1e-5e1f-4c63-9a57-1f0e4d1b7c11", sourceOf(entry),
                        Instant.parse("2026-11-30T08:15:30.123Z"), 7, event)
                .withTracing("corr-1", "cause-1", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(entry.topic(), envelope);
        record.headers().add(CloudEventsKafka.RECONSTITUTION_JOB, "job-1".getBytes(UTF_8));
        ObjectNode headers = JsonNodeFactory.instance.objectNode();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), UTF_8));
        }

        assertThat(CloudEventsKafka.fromRecord(asConsumed(record)).source())
                .as("ce_source the document names is the one readers accept").isEqualTo(sourceOf(entry));
        assertThat(draft7(message(entry.ceType()).get("headers")).validate(headers)).isEmpty();
        assertThat(draft7(ASYNCAPI.at("/components/schemas/cloudEventHeaders")).validate(headers)).isEmpty();
        assertThat(ASYNCAPI.at("/components/schemas/cloudEventHeaders/properties").propertyNames())
                .containsExactlyInAnyOrderElementsOf(headerNames(record));
    }

    @Test
    void refusesHeadersOfAnotherType() {
        ObjectNode headers = JsonNodeFactory.instance.objectNode()
                .put(CloudEventsKafka.TYPE, "accounts.AccountOpened.v1")
                .put(CloudEventsKafka.SOURCE, "/accounts-service");

        List<Error> errors = draft7(message("accounts.FundsReserved.v1").get("headers")).validate(headers);

        assertThat(errors).extracting(Error::getKeyword).contains("const");
    }

    @Test
    void letsEveryReceiverBeAReconstitutionTarget() {
        JsonNode receivers = ASYNCAPI.at("/channels/reconstitution/parameters/receiver/enum");

        assertThat(receivers.valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrderElementsOf(Receivers.all());
    }

    @Test
    void namesTheConsumerGroupsThatReadEachTopic() {
        Map<String, Set<String>> readers = new TreeMap<>();
        ASYNCAPI.get("operations").forEach(operation -> {
            if (operation.get("action").asString().equals("receive")) {
                String topic = ASYNCAPI.at(operation.at("/channel/$ref").asString().substring(1)).get("address")
                        .asString();
                readers.computeIfAbsent(operation.at("/bindings/kafka/groupId/const").asString(),
                        group -> new TreeSet<>()).add(topic);
            }
        });

        Receivers.all().forEach(receiver ->
                assertThat(readers.get(receiver)).as(receiver).isEqualTo(Receivers.topicsOf(receiver).orElseThrow()));
    }

    private static JsonNode message(String ceType) {
        return ASYNCAPI.path("components").path("messages").path(ceType);
    }

    private static List<String> channelsListing(String ceType) {
        List<String> addresses = new ArrayList<>();
        ASYNCAPI.get("channels").forEach(channel -> {
            if (channel.path("messages").has(ceType)) {
                assertThat(channel.path("messages").path(ceType).path("$ref").asString())
                        .isEqualTo("#/components/messages/" + ceType);
                addresses.add(channel.get("address").asString());
            }
        });
        return addresses;
    }

    private static String sourceOf(CatalogEntry entry) {
        return message(entry.ceType()).at("/headers/properties/ce_source/const").asString();
    }

    private static ConsumerRecord<String, byte[]> asConsumed(ProducerRecord<String, byte[]> record) {
        return new ConsumerRecord<>(record.topic(), 0, 0L, 0L, TimestampType.CREATE_TIME, -1, -1, record.key(),
                record.value(), record.headers(), Optional.empty());
    }

    private static Set<String> headerNames(ProducerRecord<String, byte[]> record) {
        Set<String> names = new TreeSet<>();
        record.headers().forEach(header -> names.add(header.key()));
        return names;
    }

    private static Schema draft7(JsonNode schema) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
    }

    /** A file reference relative to the document, as a class-path resource. */
    private static String fileOf(String ref) {
        return ref.startsWith("../") ? ref.substring(3) : "asyncapi/" + ref;
    }

    private static Stream<String> references(JsonNode node) {
        Stream<String> here = node.has("$ref") ? Stream.of(node.get("$ref").asString()) : Stream.empty();
        return Stream.concat(here, node.valueStream().flatMap(AsyncApiDocumentTest::references));
    }
}
