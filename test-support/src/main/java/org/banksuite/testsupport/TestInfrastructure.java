package org.banksuite.testsupport;

/**
 * Real PostgreSQL and Kafka for tests: one server and one broker per test JVM, started on first
 * use, from Testcontainers where a Docker engine answers and from {@code embedded-infra} otherwise.
 * Set {@code SUITE_TEST_INFRA=embedded|testcontainers} (system property or environment variable)
 * to force one. Tests share the servers and stay apart by fresh databases and topic prefixes.
 */
public interface TestInfrastructure {

    /** The JVM-wide instance. */
    static TestInfrastructure get() {
        return TestInfrastructureProvider.shared();
    }

    /** Creates a new, empty database whose name starts with a sanitized form of {@code hint}. */
    TestDatabase newDatabase(String hint);

    String kafkaBootstrapServers();

    /** A lowercase prefix, unique per call and ending with ".", for topic names. */
    String newTopicPrefix(String hint);

    /** "embedded" or "testcontainers". */
    String providerName();
}
