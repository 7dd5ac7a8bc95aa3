package org.banksuite.endtoend;

import java.util.concurrent.CompletableFuture;

import org.banksuite.testsupport.SystemChromium;
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
                .computeIfAbsent(RunningSuite.class, key -> {
                    prepareTheBrowserMeanwhile();
                    return RunningSuite.start("e2e");
                }, RunningSuite.class);
    }

    /**
     * Finds (or, as root, installs) the system Chromium of the browser tests while the services start, so that a fresh
     * machine's apt-get does not add to the run. A failure here is the browser test's to report: it asks again.
     */
    private static void prepareTheBrowserMeanwhile() {
        CompletableFuture.runAsync(SystemChromium::locate).exceptionally(notReady -> null);
    }
}
