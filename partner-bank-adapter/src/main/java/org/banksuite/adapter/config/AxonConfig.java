package org.banksuite.adapter.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.banksuite.adapter.account.domain.CoreAccount;
import org.banksuite.adapter.account.saga.CloseAccountSaga;
import org.banksuite.adapter.account.saga.OpenAccountSaga;
import org.banksuite.adapter.account.saga.RecordTypeChangeSaga;
import org.banksuite.adapter.core.RetryingSaga;
import org.banksuite.adapter.payment.domain.CorePayment;
import org.banksuite.adapter.payment.saga.PaymentSaga;
import org.banksuite.kit.axon.AxonJackson;
import org.banksuite.kit.axon.FieldsOnly;
import org.banksuite.money.Money;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How Axon is put together for the adapter: the aggregates, the sagas and their serialization. */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    /** Registered here, not by Spring stereotypes on the classes, to keep Spring out of the domain and the sagas. */
    @Bean
    ConfigurerModule adapterModel() {
        return configurer -> {
            configurer.configureAggregate(CoreAccount.class);
            configurer.configureAggregate(CorePayment.class);
            configurer.eventProcessing()
                    .registerSaga(OpenAccountSaga.class)
                    .registerSaga(CloseAccountSaga.class)
                    .registerSaga(RecordTypeChangeSaga.class)
                    .registerSaga(PaymentSaga.class);
        };
    }

    /** Axon's serializer as every service has it, plus: sagas and money are stored as their fields. */
    @Bean
    static Jackson3SerializerCustomizer axonSerialization() {
        return builder -> AxonJackson.allowAxonAndSuiteTypes(builder)
                .addMixIn(RetryingSaga.class, FieldsOnly.class)
                .addMixIn(OpenAccountSaga.class, FieldsOnly.class)
                .addMixIn(CloseAccountSaga.class, FieldsOnly.class)
                .addMixIn(RecordTypeChangeSaga.class, FieldsOnly.class)
                .addMixIn(PaymentSaga.class, FieldsOnly.class)
                .addMixIn(Money.class, FieldsOnly.class);
    }
}
