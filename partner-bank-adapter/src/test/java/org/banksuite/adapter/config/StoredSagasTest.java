package org.banksuite.adapter.config;

import java.nio.file.Path;
import java.util.List;
import org.banksuite.adapter.account.saga.CloseAccountSaga;
import org.banksuite.adapter.account.saga.OpenAccountSaga;
import org.banksuite.adapter.account.saga.RecordTypeChangeSaga;
import org.banksuite.adapter.payment.domain.PaymentCreditor;
import org.banksuite.adapter.payment.saga.PaymentSaga;
import org.banksuite.kit.axon.SampleEvents;
import org.banksuite.kit.axon.StableNameSerializer;
import org.banksuite.kit.axon.StoredStateFixtures;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Running sagas are stored under their class names (Axon's saga store keys them by those names) with their fields;
 * each fixture in {@code src/test/resources/stored-sagas} is a saga as stored, which today's class must read back
 * whole: a saga waiting for the core must resume after an upgrade with everything it knew.
 */
class StoredSagasTest {

    private final StoredStateFixtures fixtures = new StoredStateFixtures(Path.of("src/test/resources/stored-sagas"),
            StableNameSerializer.create(StoredEventsConfig.storedEventTypes(), AxonConfig.axonSerialization()));

    @Test
    void readsEveryRunningSagaAsStored() {
        fixtures.assertStoredAsTheirFixtures(
                List.of(OpenAccountSaga.class, CloseAccountSaga.class, RecordTypeChangeSaga.class, PaymentSaga.class),
                new SampleEvents().with(Money.class, Money.of("12.50", Currency.DKK))
                        .with(PaymentCreditor.class, PaymentCreditor.bankAccount("1551", "3512345678")));
    }
}
