package org.banksuite.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The {@code server.properties} of a single combined broker+controller KRaft node on 127.0.0.1. */
final class KafkaServerProperties {

    private KafkaServerProperties() {
    }

    static Map<String, String> of(int port, int controllerPort, Path logDirectory, boolean durable) {
        return of(port, controllerPort, logDirectory, durable, null);
    }

    /** {@code security} null: plaintext listeners, no authorizer. */
    static Map<String, String> of(int port, int controllerPort, Path logDirectory, boolean durable,
                                  KafkaSecurity security) {
        Map<String, String> properties = new TreeMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        properties.put("controller.listener.names", "CONTROLLER");
        if (security == null) {
            properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            properties.put("inter.broker.listener.name", "PLAINTEXT");
            properties.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        } else {
            secured(properties, port, controllerPort, security);
        }
        properties.put("log.dirs", logDirectory.toAbsolutePath().toString());

        // one broker: no replication to lean on, so never elect an out-of-sync leader
        properties.put("unclean.leader.election.enable", "false");
        properties.put("min.insync.replicas", "1");
        properties.put("default.replication.factor", "1");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("auto.create.topics.enable", "true");
        properties.put("num.partitions", "3");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("delete.topic.enable", "true");
        properties.put("num.network.threads", "2");
        properties.put("num.io.threads", "4");
        properties.put("num.recovery.threads.per.data.dir", "1");
        properties.put("offsets.topic.num.partitions", "5");
        properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));

        if (durable) {
            // With a single broker there is no replica to survive an OS crash or power loss, so an
            // acknowledged write is only as safe as the page cache. Flushing every append ties the
            // ack to the disk, like PostgreSQL's fsync=on beside it; at a local stack's rate the
            // cost is negligible. (A crash of the broker process alone loses nothing either way.)
            properties.put("log.flush.interval.messages", "1");
        }
        return properties;
    }

    /**
     * Clients and the inter-broker listener: SASL/SCRAM-SHA-512. The controller listener: SASL/PLAIN knowing only the
     * node's own identity (KRaft keeps SCRAM credentials in the metadata the controller serves, so a controller cannot
     * check SCRAM; PLAIN with a JAAS user list still authenticates every connection, where a PLAINTEXT controller
     * would make any local process a super user). ACLs decide everything else; nothing is allowed without one.
     */
    private static void secured(Map<String, String> properties, int port, int controllerPort, KafkaSecurity security) {
        KafkaCredentials node = security.broker();
        properties.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port);
        properties.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        properties.put("listener.security.protocol.map", "CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT");
        properties.put("sasl.enabled.mechanisms", KafkaCredentials.MECHANISM);
        properties.put("sasl.mechanism.inter.broker.protocol", KafkaCredentials.MECHANISM);
        properties.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", KafkaCredentials.MECHANISM);
        properties.put("listener.name.sasl_plaintext." + KafkaCredentials.MECHANISM.toLowerCase(java.util.Locale.ROOT)
                + ".sasl.jaas.config", node.jaasConfig());
        properties.put("sasl.mechanism.controller.protocol", "PLAIN");
        properties.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        properties.put("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + node.user()
                        + "\" password=\"" + node.password() + "\" user_" + node.user() + "=\"" + node.password() + "\";");
        properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        properties.put("allow.everyone.if.no.acl.found", "false");
        properties.put("super.users", security.superUsers());
    }

    static void write(Map<String, String> properties, Path file) {
        Properties sorted = new Properties();
        sorted.putAll(properties);
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            // it may hold the broker's passwords
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // nothing to restrict with
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            sorted.store(writer, "generated by org.banksuite.infra.KafkaBroker");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
