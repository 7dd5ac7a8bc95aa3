package org.banksuite.accounts.config;

import java.nio.file.Path;
import java.util.Arrays;
import org.banksuite.accounts.account.domain.AccountEvent;
import org.banksuite.accounts.account.domain.AccountEvent.FundsReserved;
import org.banksuite.accounts.account.domain.AccountEvent.PostingBooked;
import org.banksuite.kit.axon.SampleEvents;
import org.banksuite.kit.axon.StableNameSerializer;
import org.banksuite.kit.axon.StoredEventFixtures;
import org.banksuite.kit.axon.StoredEventTypes;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event an account stores has a stable name, a golden fixture of each revision under
 * {@code src/test/resources/stored-events}, and today's code reads them all through the service's real serializer
 * and upcasters. A change to an event's fields fails here until it has a new revision and fixture.
 */
class StoredEventsTest {

    private final StoredEventTypes types = StoredEventsConfig.storedEventTypes();
    private final StoredEventFixtures fixtures = new StoredEventFixtures(Path.of("src/test/resources/stored-events"),
            StableNameSerializer.create(types, AxonConfig.axonSerialization()));

    @Test
    void namesEveryEventTheAccountCanStore() {
        assertThat(Arrays.stream(AccountEvent.class.getPermittedSubclasses()))
                .allSatisfy(event -> assertThat(types.ofClass(event)).as(event.getName()).isPresent());
    }

    @Test
    void storesEveryEventAsTheFixtureOfItsCurrentRevision() {
        fixtures.assertCurrentRevisionsMatchTodaysSerialization(
                type -> !type.name().startsWith(StoredEventTypes.INBOX_PREFIX),
                new SampleEvents().with(Money.class, Money.of("12.50", Currency.DKK)));
    }

    @Test
    void readsEveryStoredRevisionIntoTodaysEvents() {
        fixtures.assertEveryFixtureIsRead();
    }

    @Test
    void readsAReservationStoredUnderItsClassNameBeforeEventsWereNamed() {
        assertThat(fixtures.read("accounts.FundsReserved", StoredEventFixtures.LEGACY))
                .isEqualTo(new FundsReserved("acc-1", "transfer-1", Money.of("30.00", Currency.DKK)));
    }

    @Test
    void readsAPostingStoredUnderItsClassNameBeforeEventsWereNamed() {
        assertThat(fixtures.read("accounts.PostingBooked", StoredEventFixtures.LEGACY)).isEqualTo(
                new PostingBooked("acc-1", "transfer-1/debit", Money.of("-30.00", Currency.DKK), "rent",
                        "transfer-1", Money.of("30.00", Currency.DKK), Money.of("70.00", Currency.DKK)));
    }
}
