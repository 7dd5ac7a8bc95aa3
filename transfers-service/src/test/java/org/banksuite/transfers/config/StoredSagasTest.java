package org.banksuite.transfers.config;

import java.nio.file.Path;
import java.util.List;
import org.banksuite.kit.axon.SampleEvents;
import org.banksuite.kit.axon.StableNameSerializer;
import org.banksuite.kit.axon.StoredStateFixtures;
import org.banksuite.transfers.transfer.saga.TransferSaga;
import org.junit.jupiter.api.Test;

/**
 * A running transfer saga is stored under its class name (Axon's saga store keys it by that name) with its fields; the
 * fixture in {@code src/test/resources/stored-sagas} is a saga as stored, which today's class must read back whole.
 */
class StoredSagasTest {

    private final StoredStateFixtures fixtures = new StoredStateFixtures(Path.of("src/test/resources/stored-sagas"),
            StableNameSerializer.create(StoredEventsConfig.storedEventTypes(), AxonConfig.axonSerialization()));

    @Test
    void readsARunningTransferSagaAsStored() {
        fixtures.assertStoredAsTheirFixtures(List.of(TransferSaga.class), new SampleEvents());
    }
}
