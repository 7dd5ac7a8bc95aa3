package org.banksuite.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Puts a fresh database and topic prefix, and the JVM's {@link TestIssuer} as the token issuer, into the context's
 * environment, ahead of every other property source. Equal only for the same test class, so each annotated class gets its own
 * context (and database) from Spring's context cache.
 */
record RealInfrastructureContextCustomizer(Class<?> testClass) implements ContextCustomizer {

    static final String PROPERTY_SOURCE_NAME = "realInfrastructure";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        CompletableFuture<String> kafka = CompletableFuture.supplyAsync(infrastructure::kafkaBootstrapServers);
        TestDatabase database = infrastructure.newDatabase(testClass.getSimpleName());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.kafka.bootstrap-servers", await(kafka));
        properties.put("suite.topics.prefix", infrastructure.newTopicPrefix(testClass.getSimpleName()));
        properties.putAll(TestIssuer.get().springProperties());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
    }

    private static String await(CompletableFuture<String> value) {
        try {
            return value.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
