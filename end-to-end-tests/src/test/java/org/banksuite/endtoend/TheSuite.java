package org.banksuite.endtoend;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes the {@link RunningSuite}, started on first use and shared by every class of the run: starting
 * five services costs most of a class's time, and a suite that served other classes (and survived their crashes)
 * must still hold every invariant. JUnit closes it when the run ends.
 */
final class TheSuite implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TheSuite.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningSuite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(RunningSuite.class, key -> RunningSuite.start("e2e"), RunningSuite.class);
    }
}
