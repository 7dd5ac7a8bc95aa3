package org.banksuite.kit.axon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.banksuite.events.Amount;
import org.banksuite.events.CatalogEntry;
import org.banksuite.events.EventCatalog;
import org.banksuite.events.EventJson;
import org.banksuite.events.partnerbank.v1.CorePostingEntryBooked;
import org.banksuite.kit.inbox.UnreadableInboundRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox keeps every inbound integration event (and every unreadable record) in the service's event store: each
 * under {@code inbox.<ce_type>}, revision 1, with a golden fixture here that today's records must still read.
 */
class InboxStoredEventsTest {

    private static final Path GOLDEN = Path.of("../shared-events/src/test/resources/golden");

    private final StableNameSerializer serializer = StableNameSerializer.create(StoredEventTypes.builder().build(),
            AxonJackson::allowAxonAndSuiteTypes);
    private final StoredEventFixtures fixtures = new StoredEventFixtures(Path.of("src/test/resources/stored-events"),
            serializer);

    @Test
    void storesEveryInboundEventTypeAsItsFixtureOfTheCurrentRevision() throws IOException {
        SampleEvents samples = new SampleEvents();
        for (CatalogEntry entry : EventCatalog.all()) {
            byte[] golden = Files.readAllBytes(GOLDEN.resolve(entry.ceType() + ".json"));
            given(samples, entry.recordClass(), EventJson.deserialize(entry.ceType(), golden));
        }

        fixtures.assertCurrentRevisionsMatchTodaysSerialization(
                type -> type.name().startsWith(StoredEventTypes.INBOX_PREFIX), samples);
    }

    @Test
    void readsEveryInboxFixtureIntoTodaysRecords() {
        fixtures.assertEveryFixtureIsRead();
    }

    @Test
    void readsAnInboundEventStoredUnderItsClassNameBeforeTypesWereNamed() {
        Object event = fixtures.read("inbox.partner-bank.CorePostingEntryBooked.v1", StoredEventFixtures.LEGACY);

        assertThat(event).isEqualTo(new CorePostingEntryBooked("acc-1", "core:17", new Amount("-40.00", "DKK"),
                "card payment", null, Instant.parse("2026-11-02T09:30:00Z")));
    }

    @Test
    void readsAnUnreadableRecordStoredUnderItsClassNameBeforeTypesWereNamed() {
        Object event = fixtures.read("inbox.UnreadableInboundRecord", StoredEventFixtures.LEGACY);

        assertThat(event).isInstanceOfSatisfying(UnreadableInboundRecord.class, record -> {
            assertThat(record.topic()).isEqualTo("partner-bank.events");
            assertThat(record.offset()).isEqualTo(7);
            assertThat(record.headers()).containsEntry("ce_type", "partner-bank.Unheard.v1");
            assertThat(record.reason()).isEqualTo("unknown event type");
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> void given(SampleEvents samples, Class<T> type, Object sample) {
        samples.with(type, (T) sample);
    }
}
