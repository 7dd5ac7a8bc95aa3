package org.banksuite.events;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** One golden JSON payload per event type and version pins the wire format. */
class GoldenFileTest {

    static List<CatalogEntry> eventTypes() {
        return EventCatalog.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everyTypeHasAGoldenFile(CatalogEntry entry) {
        assertThat(Resources.exists(Resources.goldenPath(entry))).as(Resources.goldenPath(entry)).isTrue();
    }

    @Test
    void everyGoldenFileAndSchemaBelongsToACataloguedType() {
        List<String> types = EventCatalog.all().stream().map(CatalogEntry::ceType).toList();

        assertThat(Resources.fileNames("golden")).map(name -> name.replaceFirst("\\.json$", ""))
                .containsExactlyInAnyOrderElementsOf(types);
        assertThat(Resources.fileNames("event-schemas")).map(name -> name.replaceFirst("\\.schema\\.json$", ""))
                .containsExactlyInAnyOrderElementsOf(types);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void readsAndWritesTheGoldenFileUnchanged(CatalogEntry entry) {
        byte[] golden = Resources.golden(entry);

        IntegrationEvent event = EventJson.deserialize(entry.ceType(), golden);
        byte[] written = EventJson.serialize(event);

        assertThat(event).isInstanceOf(entry.recordClass());
        assertThat(tree(written)).isEqualTo(tree(golden));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void recordSurvivesARoundTrip(CatalogEntry entry) {
        IntegrationEvent event = EventJson.deserialize(entry.ceType(), Resources.golden(entry));

        IntegrationEvent again = EventJson.deserialize(entry.ceType(), EventJson.serialize(event));

        assertThat(again).isEqualTo(event);
        assertThat(again.subject()).isEqualTo(event.subject()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void goldenFilesSetEveryFieldSoTheyCoverTheWholeContract(CatalogEntry entry) {
        JsonNode golden = tree(Resources.golden(entry));

        assertThat(golden.propertyNames()).containsExactlyElementsOf(componentNames(entry));
    }

    static List<String> componentNames(CatalogEntry entry) {
        return Arrays.stream(entry.recordClass().getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static JsonNode tree(byte[] json) {
        return EventJson.mapper().readTree(json);
    }
}
