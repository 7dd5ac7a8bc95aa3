package org.banksuite.testsupport;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Registered in {@code META-INF/spring.factories}: gives each {@link RealInfrastructure} test class
 * its own database and topic prefix; leaves every other test class alone.
 */
public class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        if (!TestContextAnnotationUtils.hasAnnotation(testClass, RealInfrastructure.class)) {
            return null;
        }
        return new RealInfrastructureContextCustomizer(owningTestClass(testClass));
    }

    /** A {@code @Nested} class shares its enclosing class's context, as Spring does by default. */
    private static Class<?> owningTestClass(Class<?> testClass) {
        Class<?> owner = testClass;
        while (TestContextAnnotationUtils.searchEnclosingClass(owner)) {
            owner = owner.getEnclosingClass();
        }
        return owner;
    }
}
