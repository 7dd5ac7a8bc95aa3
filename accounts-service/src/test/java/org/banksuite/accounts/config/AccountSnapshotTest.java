package org.banksuite.accounts.config;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.banksuite.accounts.account.domain.Account;
import org.banksuite.accounts.account.domain.AccountEvent;
import org.banksuite.accounts.account.domain.RecordType;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A snapshot must bring back every piece of an account's state, or a restored account could count money twice. */
class AccountSnapshotTest {

    private final Jackson3Serializer serializer = Jackson3Serializer.builder()
            .jsonMapperBuilderCustomizer(AxonConfig.axonSerialization()).build();

    @Test
    void restoresEveryFieldOfTheAccount() {
        Account account = accountWith(
                new AccountEvent.AccountOpened("a1", "c1", Currency.DKK, RecordType.PERSONAL),
                new AccountEvent.AccountActivated("a1", "1234", "42"),
                new AccountEvent.PostingBooked("a1", "p1", dkk("100.00"), "salary", null, null, dkk("100.00")),
                new AccountEvent.FundsReserved("a1", "t1", dkk("30.00")),
                new AccountEvent.FundsReserved("a1", "t2", dkk("5.00")),
                new AccountEvent.ReservationReleased("a1", "t2", dkk("5.00")),
                new AccountEvent.RecordTypeChangeRequested("a1", RecordType.PERSONAL, RecordType.SAVINGS));

        SerializedObject<String> snapshot = serializer.serialize(account, String.class);
        Account restored = serializer.deserialize(snapshot);

        assertThat(serializer.serialize(restored, String.class).getData()).isEqualTo(snapshot.getData());
        assertThat(snapshot.getData()).contains("\"p1\"", "\"t1\"", "\"t2\"", "\"SAVINGS\"", "\"1234\"",
                "\"customerId\":\"c1\"");
    }

    /**
     * The owner decides who may act on the account, so a snapshot without it (taken before it was kept, stored without
     * a revision) must not be used: Axon's revision snapshot filter passes only snapshots of the aggregate's revision.
     */
    @Test
    void storesSnapshotsUnderTheRevisionThatKeepsTheOwner() {
        Account account = accountWith(new AccountEvent.AccountOpened("a1", "c1", Currency.DKK, RecordType.PERSONAL));

        assertThat(serializer.serialize(account, String.class).getType().getRevision()).isEqualTo("2");
    }

    /** Else a restored account would take a replayed answer for its pending request, or hold a settled reservation. */
    @Test
    void keepsThePendingRequestsIdAndTheSettledReservations() {
        Account account = accountWith(
                new AccountEvent.AccountOpened("a1", "c1", Currency.DKK, RecordType.PERSONAL),
                new AccountEvent.AccountActivated("a1", "1234", "42"),
                new AccountEvent.ReservationReleased("a1", "t0", dkk("0.00")),
                new AccountEvent.AccountClosureRequested("a1"));

        String snapshot = serializer.serialize(account, String.class).getData();

        assertThat(snapshot).contains("\"pendingClosureRequest\":\"3\"").contains("\"recentSettlements\":{\"t0\":");
    }

    @Test
    void storesMoneyAsItsAmountAndCurrencyOnly() {
        assertThat(serializer.serialize(dkk("12.50"), String.class).getData())
                .isEqualTo("{\"amount\":12.50,\"currency\":\"DKK\"}");
    }

    private static Account accountWith(AccountEvent... events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            messages.add(new GenericDomainEventMessage<>("Account", "a1", i, events[i]));
        }
        Account root = new GenericAggregateFactory<>(Account.class).createAggregateRoot("a1", messages.getFirst());
        EventSourcedAggregate<Account> aggregate = EventSourcedAggregate.initialize(root,
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Account.class), null, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(messages));
        return aggregate.getAggregateRoot();
    }

    private static Money dkk(String amount) {
        return Money.of(amount, Currency.DKK);
    }
}
