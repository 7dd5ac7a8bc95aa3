package org.banksuite.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * For tests without Spring: {@code @ExtendWith(RealInfrastructureExtension.class)} resolves
 * parameters of type {@link TestDatabase} and {@link KafkaCoordinates}, in test methods,
 * constructors and lifecycle methods. Each test class gets one fresh database and one topic
 * prefix, shared by its tests.
 */
public class RealInfrastructureExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealInfrastructureExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == TestDatabase.class || type == KafkaCoordinates.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        ExtensionContext classContext = classContext(extensionContext);
        String hint = classContext.getRequiredTestClass().getSimpleName();
        ExtensionContext.Store store = classContext.getStore(NAMESPACE);
        if (parameterContext.getParameter().getType() == TestDatabase.class) {
            return store.computeIfAbsent(TestDatabase.class, key -> TestInfrastructure.get().newDatabase(hint), TestDatabase.class);
        }
        return store.computeIfAbsent(KafkaCoordinates.class, key -> new KafkaCoordinates(
                TestInfrastructure.get().kafkaBootstrapServers(),
                TestInfrastructure.get().newTopicPrefix(hint)), KafkaCoordinates.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
