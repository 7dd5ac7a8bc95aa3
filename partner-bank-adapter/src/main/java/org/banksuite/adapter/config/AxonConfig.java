package org.banksuite.adapter.config;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.banksuite.adapter.account.domain.CoreAccount;
import org.banksuite.adapter.account.domain.EventSourcedCoreAccount;
import org.banksuite.adapter.account.saga.CloseAccountSaga;
import org.banksuite.adapter.account.saga.OpenAccountSaga;
import org.banksuite.adapter.account.saga.RecordTypeChangeSaga;
import org.banksuite.adapter.core.RetryingSaga;
import org.banksuite.adapter.payment.domain.CorePayment;
import org.banksuite.adapter.payment.saga.PaymentSaga;
import org.banksuite.kit.axon.AxonJackson;
import org.banksuite.kit.axon.FieldsOnly;
import org.banksuite.money.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How Axon is put together for the adapter: the aggregates, the sagas and their serialization. */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    /**
     * Registered here, not by Spring stereotypes on the classes, to keep Spring out of the domain and the sagas. A core
     * account stores an event per posting entry for as long as it lives: a snapshot every
     * {@code adapter.snapshot-threshold} events keeps loading it fast.
     */
    @Bean
    ConfigurerModule adapterModel(@Value("${adapter.snapshot-threshold:250}") int snapshotThreshold) {
        return configurer -> {
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(CoreAccount.class)
                    .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                            coreAccountSnapshotter(c), snapshotThreshold)));
            configurer.configureAggregate(CorePayment.class);
            configurer.eventProcessing()
                    .registerSaga(OpenAccountSaga.class)
                    .registerSaga(CloseAccountSaga.class)
                    .registerSaga(RecordTypeChangeSaga.class)
                    .registerSaga(PaymentSaga.class);
        };
    }

    /** Spring's snapshotter only knows aggregates declared as Spring beans; this one knows the core account. */
    private static Snapshotter coreAccountSnapshotter(org.axonframework.config.Configuration configuration) {
        return AggregateSnapshotter.builder()
                .eventStore(configuration.eventStore())
                .aggregateFactories(new GenericAggregateFactory<>(CoreAccount.class))
                .transactionManager(configuration.getComponent(TransactionManager.class))
                .build();
    }

    /** Axon's serializer as every service has it, plus: snapshots, sagas and money are stored as their fields. */
    @Bean
    static Jackson3SerializerCustomizer axonSerialization() {
        return builder -> AxonJackson.allowAxonAndSuiteTypes(builder)
                .addMixIn(CoreAccount.class, FieldsOnly.class)
                .addMixIn(EventSourcedCoreAccount.class, FieldsOnly.class)
                .addMixIn(RetryingSaga.class, FieldsOnly.class)
                .addMixIn(OpenAccountSaga.class, FieldsOnly.class)
                .addMixIn(CloseAccountSaga.class, FieldsOnly.class)
                .addMixIn(RecordTypeChangeSaga.class, FieldsOnly.class)
                .addMixIn(PaymentSaga.class, FieldsOnly.class)
                .addMixIn(Money.class, FieldsOnly.class);
    }
}
