package org.banksuite.accounts.config;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.banksuite.accounts.account.domain.Account;
import org.banksuite.accounts.account.domain.EventSourcedAccount;
import org.banksuite.accounts.account.domain.Ledger;
import org.banksuite.kit.axon.AxonJackson;
import org.banksuite.kit.axon.FieldsOnly;
import org.banksuite.money.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How Axon is put together for this service: the aggregate and its serialization. */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    /**
     * Registered here, not by a Spring stereotype on the aggregate, to keep Spring out of the domain. A snapshot
     * every {@code accounts.snapshot-threshold} events keeps loading a long-lived account fast.
     */
    @Bean
    ConfigurerModule accountAggregate(@Value("${accounts.snapshot-threshold:250}") int snapshotThreshold) {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Account.class)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                        accountSnapshotter(c), snapshotThreshold)));
    }

    /** Spring's snapshotter only knows aggregates declared as Spring beans; this one knows the account. */
    private static Snapshotter accountSnapshotter(org.axonframework.config.Configuration configuration) {
        return AggregateSnapshotter.builder()
                .eventStore(configuration.eventStore())
                .aggregateFactories(new GenericAggregateFactory<>(Account.class))
                .transactionManager(configuration.getComponent(TransactionManager.class))
                .build();
    }

    /** Axon's serializer as every service has it, plus: snapshots of accounts are their fields. */
    @Bean
    static Jackson3SerializerCustomizer axonSerialization() {
        return builder -> AxonJackson.allowAxonAndSuiteTypes(builder)
                .addMixIn(Account.class, FieldsOnly.class)
                .addMixIn(EventSourcedAccount.class, FieldsOnly.class)
                .addMixIn(Ledger.class, FieldsOnly.class)
                .addMixIn(Money.class, FieldsOnly.class);
    }

}
