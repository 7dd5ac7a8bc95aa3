package org.banksuite.simulator;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Quota and faults apply to {@code /core/*} only; the admin API and actuator are never counted or faulted. The gate
 * runs after the security filter chain (order -100), so a caller the door refuses spends no quota and meets no fault.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig {

    /** After Spring Security's filter chain ({@code spring.security.filter.order}, -100 by default). */
    static final int AFTER_THE_DOOR = 0;

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionDropValve() {
        return factory -> factory.addContextValves(new ConnectionDropValve());
    }

    @Bean
    FilterRegistrationBean<CoreGateFilter> coreGateFilter(Quota quota, Faults faults, MeterRegistry meters) {
        Gauge.builder("simulator.quota.used", quota, q -> q.state().used())
                .description("requests counted in the current quota window").register(meters);
        Gauge.builder("simulator.quota.limit", quota, q -> q.state().limit())
                .description("requests allowed per quota window").register(meters);
        FilterRegistrationBean<CoreGateFilter> registration =
                new FilterRegistrationBean<>(new CoreGateFilter(quota, faults, meters));
        registration.addUrlPatterns("/core/*");
        registration.setOrder(AFTER_THE_DOOR);
        return registration;
    }
}
