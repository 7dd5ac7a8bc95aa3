package org.banksuite.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A broker with SASL/SCRAM and ACLs: the administrator is let in, nobody else without an ACL. */
@Execution(ExecutionMode.CONCURRENT) // each test its own broker on free ports: they start side by side
class SecuredKafkaBrokerTest {

    private static final KafkaSecurity SECURITY = new KafkaSecurity(
            KafkaCredentials.generate("kafka-broker"), KafkaCredentials.generate("suite-admin"));

    @TempDir
    Path directory;

    @Test
    void letsTheAdministratorInAndRefusesAWrongPasswordAndAUserWithoutAcls() throws Exception {
        KafkaCredentials withoutAcls = KafkaCredentials.generate("nobody-granted");
        try (KafkaBroker broker = new KafkaBroker(KafkaBrokerSettings.forTests().withSecurity(SECURITY)).start()) {
            try (Admin admin = Admin.create(broker.adminClientProperties())) {
                admin.createTopics(List.of(new NewTopic("greetings", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
                admin.alterUserScramCredentials(List.of(KafkaScramBootstrap.upsertion(withoutAcls))).all().get(30, TimeUnit.SECONDS);
            }
            send(broker.adminClientProperties(), "greetings"); // a super user may

            var wrongPassword = broker.clientProperties(KafkaCredentials.generate(SECURITY.admin().user()));
            assertThatThrownBy(() -> send(wrongPassword, "greetings"))
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
            assertThatThrownBy(() -> send(broker.clientProperties(withoutAcls), "greetings"))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void addsTheCredentialsToALogDirectoryFormattedWithoutThem() throws Exception {
        Path data = directory.resolve("kafka");
        var plaintext = new KafkaBrokerSettings(0, 0, data, directory.resolve("kafka.log"), "512m", false,
                List.of(), null);
        try (KafkaBroker broker = new KafkaBroker(plaintext).start()) {
            send(broker.adminClientProperties(), "kept");
        }

        try (KafkaBroker broker = new KafkaBroker(plaintext.withSecurity(SECURITY)).start();
             Admin admin = Admin.create(broker.adminClientProperties())) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("kept");
        }
        Path configuration = directory.resolve("kafka-config").resolve("server.properties");
        assertThat(Files.getPosixFilePermissions(configuration))
                .isEqualTo(Set.copyOf(PosixFilePermissions.fromString("rw-------")));
    }

    private static void send(Map<String, Object> clientProperties, String topic) throws Exception {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        try (var producer = new KafkaProducer<String, String>(config)) {
            producer.send(new ProducerRecord<>(topic, "key", "value")).get(30, TimeUnit.SECONDS);
        }
    }
}
