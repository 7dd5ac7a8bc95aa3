package org.banksuite.testsupport;

import org.banksuite.infra.EmbeddedPostgresServer;
import org.banksuite.infra.KafkaBroker;

/** PostgreSQL and Kafka run by {@code embedded-infra}: no Docker needed. Both stop when the JVM exits. */
final class EmbeddedTestInfrastructure implements TestInfrastructure {

    private final Lazy<EmbeddedPostgresServer> postgres = new Lazy<>(() -> EmbeddedPostgresServer.forTests().start());
    private final Lazy<KafkaBroker> kafka = new Lazy<>(() -> KafkaBroker.forTests().start());

    @Override
    public TestDatabase newDatabase(String hint) {
        EmbeddedPostgresServer server = postgres.get();
        String name = UniqueNames.databaseName(hint);
        server.createDatabaseIfMissing(name);
        return new TestDatabase(name, server.jdbcUrl(name), server.username(), server.password());
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.get().bootstrapServers();
    }

    @Override
    public String newTopicPrefix(String hint) {
        return UniqueNames.topicPrefix(hint);
    }

    @Override
    public String providerName() {
        return "embedded";
    }
}
