package org.banksuite.transfers.config;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import org.banksuite.kit.axon.SampleEvents;
import org.banksuite.kit.axon.StableNameSerializer;
import org.banksuite.kit.axon.StoredEventFixtures;
import org.banksuite.kit.axon.StoredEventTypes;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;
import org.banksuite.transfers.transfer.domain.Creditor;
import org.banksuite.transfers.transfer.domain.RejectionReason;
import org.banksuite.transfers.transfer.domain.TransferEvent;
import org.banksuite.transfers.transfer.domain.TransferEvent.TransferRejected;
import org.banksuite.transfers.transfer.domain.TransferEvent.TransferRequested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event a transfer stores has a stable name, a golden fixture of each revision under
 * {@code src/test/resources/stored-events}, and today's code reads them all through the service's real serializer
 * and upcasters. A change to an event's fields fails here until it has a new revision and fixture.
 */
class StoredEventsTest {

    private final StoredEventTypes types = StoredEventsConfig.storedEventTypes();
    private final StoredEventFixtures fixtures = new StoredEventFixtures(Path.of("src/test/resources/stored-events"),
            StableNameSerializer.create(types, AxonConfig.axonSerialization()));

    @Test
    void namesEveryEventATransferCanStore() {
        assertThat(Arrays.stream(TransferEvent.class.getPermittedSubclasses()))
                .allSatisfy(event -> assertThat(types.ofClass(event)).as(event.getName()).isPresent());
    }

    @Test
    void storesEveryEventAsTheFixtureOfItsCurrentRevision() {
        fixtures.assertCurrentRevisionsMatchTodaysSerialization(
                type -> !type.name().startsWith(StoredEventTypes.INBOX_PREFIX),
                new SampleEvents().with(Money.class, Money.of("12.50", Currency.DKK))
                        .with(Creditor.class, Creditor.bankAccount("1551", "3512345678")));
    }

    @Test
    void readsEveryStoredRevisionIntoTodaysEvents() {
        fixtures.assertEveryFixtureIsRead();
    }

    @Test
    void readsARequestStoredUnderItsClassNameBeforeEventsWereNamed() {
        assertThat(fixtures.read("transfers.TransferRequested", StoredEventFixtures.LEGACY)).isEqualTo(
                new TransferRequested("transfer-1", "acc-1", Creditor.suiteAccount("acc-2"),
                        Money.of("30.00", Currency.DKK), "to savings", "from checking", LocalDate.parse("2026-11-30")));
    }

    @Test
    void readsARejectionStoredUnderItsClassNameBeforeEventsWereNamed() {
        assertThat(fixtures.read("transfers.TransferRejected", StoredEventFixtures.LEGACY)).isEqualTo(
                new TransferRejected("transfer-1", "acc-1", RejectionReason.CORE_REJECTED, "closed creditor", true));
    }
}
