package org.banksuite.transfers.transfer.saga;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;
import org.banksuite.transfers.transfer.domain.Creditor;
import org.banksuite.transfers.transfer.domain.RejectionReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.banksuite.transfers.transfer.domain.TransferCommand.*;
import static org.banksuite.transfers.transfer.domain.TransferEvent.*;

/**
 * The saga's handler parameters resolved the way a running service resolves them, from Axon's configuration (where
 * the payload comes first and resources after it), not from the test fixture's list of resources.
 */
class TransferSagaWiringTest {

    private final List<Object> sent = new CopyOnWriteArrayList<>();
    private Configuration configuration;

    @AfterEach
    void shutDown() {
        if (configuration != null) {
            configuration.shutdown();
        }
    }

    @Test
    void rejectsATransferThatTimedOutWithResourcesFromTheConfiguration() {
        TransferDeadlines deadlines = new TransferDeadlines(Duration.ofMillis(200), Duration.ofHours(1),
                ZoneId.of("Europe/Copenhagen"));
        configuration = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureCommandBus(c -> SimpleCommandBus.builder().build())
                .registerComponent(TransferDeadlines.class, c -> deadlines)
                .registerComponent(DeadlineManager.class, c -> SimpleDeadlineManager.builder()
                        .scopeAwareProvider(c.scopeAwareProvider()).build())
                .eventProcessing(processing -> processing.usingSubscribingEventProcessors()
                        .registerSaga(TransferSaga.class))
                .buildConfiguration();
        configuration.commandBus().subscribe(RejectTransfer.class.getName(), command -> {
            sent.add(command.getPayload());
            return null;
        });
        configuration.start();

        configuration.eventBus().publish(GenericEventMessage.asEventMessage(new TransferRequested("t1", "a1",
                Creditor.bankAccount("1234", "1"), Money.of("1.00", Currency.DKK), "x", "y", null)));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sent).containsExactly(
                new RejectTransfer("t1", RejectionReason.TIMED_OUT, "no answer from accounts within PT0.2S")));
    }
}
