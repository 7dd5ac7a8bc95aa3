package org.banksuite.testsupport;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Import into a component test's context to validate all its HTTP traffic against the specs named by
 * {@code suite.test.openapi-specs} (classpath locations, comma-separated, e.g.
 * {@code openapi/accounts-v1.yaml,openapi/ops-v1.yaml}); call {@link OpenApiTraffic#assertNoMismatch()} after each
 * test.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiTrafficConfiguration {

    @Bean
    FilterRegistrationBean<OpenApiTrafficFilter> openApiTrafficFilter(
            @Value("${suite.test.openapi-specs}") List<String> specs) {
        FilterRegistrationBean<OpenApiTrafficFilter> registration =
                new FilterRegistrationBean<>(new OpenApiTrafficFilter(new OpenApiTraffic(specs)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
