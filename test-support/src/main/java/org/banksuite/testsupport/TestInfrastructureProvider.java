package org.banksuite.testsupport;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/** Chooses the provider once per JVM: forced by {@code SUITE_TEST_INFRA}, else Docker if it answers. */
final class TestInfrastructureProvider {

    static final String SWITCH = "SUITE_TEST_INFRA";
    private static final Logger LOG = LoggerFactory.getLogger(TestInfrastructureProvider.class);

    private TestInfrastructureProvider() {
    }

    static TestInfrastructure shared() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final TestInfrastructure INSTANCE = choose();
    }

    static TestInfrastructure choose() {
        String forced = System.getProperty(SWITCH, System.getenv(SWITCH));
        TestInfrastructure chosen = switch (forced == null ? "" : forced.trim().toLowerCase(Locale.ROOT)) {
            case "embedded" -> new EmbeddedTestInfrastructure();
            case "testcontainers" -> new TestcontainersTestInfrastructure();
            case "" -> dockerAvailable() ? new TestcontainersTestInfrastructure() : new EmbeddedTestInfrastructure();
            default -> throw new IllegalArgumentException(SWITCH + " must be 'embedded' or 'testcontainers', not '" + forced + "'");
        };
        LOG.info("Test infrastructure: {} PostgreSQL and Kafka{}", chosen.providerName(),
                forced == null ? "" : " (forced by " + SWITCH + ")");
        return chosen;
    }

    private static boolean dockerAvailable() {
        if (!DockerHints.anyPresent()) {
            return false; // spares every test JVM Testcontainers' loud search for an engine that is not there
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
