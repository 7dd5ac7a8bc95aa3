package org.banksuite.adapter.config;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.banksuite.adapter.account.domain.CoreAccountEvent;
import org.banksuite.adapter.account.domain.CoreAccountEvent.CorePostingEntryFetched;
import org.banksuite.adapter.payment.domain.PaymentCreditor;
import org.banksuite.adapter.payment.domain.PaymentEvent;
import org.banksuite.adapter.payment.domain.PaymentEvent.PaymentSubmissionStarted;
import org.banksuite.kit.axon.SampleEvents;
import org.banksuite.kit.axon.StableNameSerializer;
import org.banksuite.kit.axon.StoredEventFixtures;
import org.banksuite.kit.axon.StoredEventTypes;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event a core account or core payment stores has a stable name, a golden fixture of each revision under
 * {@code src/test/resources/stored-events}, and today's code reads them all through the service's real serializer
 * and upcasters. A change to an event's fields fails here until it has a new revision and fixture.
 */
class StoredEventsTest {

    private final StoredEventTypes types = StoredEventsConfig.storedEventTypes();
    private final StoredEventFixtures fixtures = new StoredEventFixtures(Path.of("src/test/resources/stored-events"),
            StableNameSerializer.create(types, AxonConfig.axonSerialization()));

    @Test
    void namesEveryEventTheAdapterCanStore() {
        assertThat(Stream.of(CoreAccountEvent.class, PaymentEvent.class)
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses())))
                .allSatisfy(event -> assertThat(types.ofClass(event)).as(event.getName()).isPresent());
    }

    @Test
    void storesEveryEventAsTheFixtureOfItsCurrentRevision() {
        fixtures.assertCurrentRevisionsMatchTodaysSerialization(
                type -> !type.name().startsWith(StoredEventTypes.INBOX_PREFIX),
                new SampleEvents().with(Money.class, Money.of("12.50", Currency.DKK))
                        .with(PaymentCreditor.class, PaymentCreditor.bankAccount("1551", "3512345678")));
    }

    @Test
    void readsEveryStoredRevisionIntoTodaysEvents() {
        fixtures.assertEveryFixtureIsRead();
    }

    @Test
    void readsAPostingEntryStoredUnderItsClassNameBeforeEventsWereNamed() {
        assertThat(fixtures.read("partner-bank.CorePostingEntryFetched", StoredEventFixtures.LEGACY)).isEqualTo(
                new CorePostingEntryFetched("acc-1", "core:17", Money.of("-40.00", Currency.DKK), "card payment",
                        null, Instant.parse("2026-11-02T09:30:00Z")));
    }

    @Test
    void readsAPaymentSubmissionStoredUnderItsClassNameBeforeEventsWereNamed() {
        assertThat(fixtures.read("partner-bank.PaymentSubmissionStarted", StoredEventFixtures.LEGACY)).isEqualTo(
                new PaymentSubmissionStarted("transfer-1", "op-1", "acc-1", PaymentCreditor.suiteAccount("acc-2"),
                        Money.of("30.00", Currency.DKK), "rent"));
    }
}
