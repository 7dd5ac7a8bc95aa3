package org.banksuite.kit.web;

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
 * Request bodies are read as they are meant, or refused: a field the API does not know (a typo such as
 * {@code executionDtae} would otherwise be dropped and the request executed without it), a key given twice (Jackson
 * would keep the last {@code amount}), a null inside an array, or anything after the JSON value all fail the reading,
 * which {@link SuiteProblemHandler} answers with {@code 400 malformed-request} naming the field. Only the server's
 * JSON converter is strict; the HTTP clients and Kafka readers keep tolerating what newer senders add.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonRequests {

    /** Runs after Boot's own customizer, so that its JSON converter is the one that stays. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer strictJsonRequestConverter(JsonMapper json) {
        return converters -> converters.withJsonConverter(new JacksonJsonHttpMessageConverter(strict(json)));
    }

    /** {@code json} with the strict reading described above; writing is unchanged. */
    public static JsonMapper strict(JsonMapper json) {
        return json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .changeDefaultNullHandling(setter -> setter.withContentNulls(Nulls.FAIL))
                .build();
    }
}
