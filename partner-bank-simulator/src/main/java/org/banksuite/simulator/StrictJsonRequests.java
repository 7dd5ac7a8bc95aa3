package org.banksuite.simulator;

import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are read as strictly as the suite's services read theirs (see service-kit's
 * {@code StrictJsonRequests}): an unknown field, a key given twice, a null inside an array fail with
 * {@code 400 malformed-request}.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonRequests {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer strictJsonRequestConverter(JsonMapper json) {
        return converters -> converters.withJsonConverter(new JacksonJsonHttpMessageConverter(json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .changeDefaultNullHandling(setter -> setter.withContentNulls(Nulls.FAIL))
                .build()));
    }
}
