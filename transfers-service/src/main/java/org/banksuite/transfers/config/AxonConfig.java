package org.banksuite.transfers.config;

import java.time.Duration;
import java.time.ZoneId;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.banksuite.kit.axon.AxonJackson;
import org.banksuite.kit.axon.FieldsOnly;
import org.banksuite.money.Money;
import org.banksuite.transfers.transfer.domain.Creditor;
import org.banksuite.transfers.transfer.domain.EventSourcedTransfer;
import org.banksuite.transfers.transfer.domain.Transfer;
import org.banksuite.transfers.transfer.saga.TransferDeadlines;
import org.banksuite.transfers.transfer.saga.TransferSaga;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How Axon is put together for this service: the aggregate, the saga, their serialization and deadlines. */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    /** Registered here, not by Spring stereotypes on the classes, to keep Spring out of the domain and the saga. */
    @Bean
    ConfigurerModule transferModel() {
        return configurer -> {
            configurer.configureAggregate(Transfer.class);
            configurer.eventProcessing().registerSaga(TransferSaga.class);
        };
    }

    /** Axon's serializer as every service has it, plus: transfers, sagas and money are stored as their fields. */
    @Bean
    static Jackson3SerializerCustomizer axonSerialization() {
        return builder -> AxonJackson.allowAxonAndSuiteTypes(builder)
                .addMixIn(Transfer.class, FieldsOnly.class)
                .addMixIn(EventSourcedTransfer.class, FieldsOnly.class)
                .addMixIn(TransferSaga.class, FieldsOnly.class)
                .addMixIn(Creditor.class, FieldsOnly.class)
                .addMixIn(Money.class, FieldsOnly.class);
    }

    @Bean
    TransferDeadlines transferDeadlines(
            @Value("${transfers.deadlines.funds-reservation-timeout:PT2M}") Duration fundsReservationTimeout,
            @Value("${transfers.deadlines.core-answer-timeout:PT10M}") Duration coreAnswerTimeout,
            @Value("${transfers.deadlines.resolve-after-overdue-answers:3}") int resolveAfterOverdueAnswers) {
        return new TransferDeadlines(fundsReservationTimeout, coreAnswerTimeout, ZoneId.of("Europe/Copenhagen"),
                resolveAfterOverdueAnswers);
    }
}
