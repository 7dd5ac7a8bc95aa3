package org.banksuite.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.banksuite.infra.KafkaCredentials;
import org.banksuite.launcher.kafka.KafkaAccess;
import org.banksuite.launcher.kafka.ServiceKafkaEnvironment;
import org.junit.jupiter.api.Test;

/** Every service that has a Kafka client gets its own principal's SASL settings, as Spring Boot reads them. */
class ServiceKafkaEnvironmentTest {

    @Test
    void everyServiceWithAKafkaClientGetsItsOwnSaslSettings() throws IOException {
        for (ServiceDefinition service : Services.ALL) {
            Map<String, String> environment = ServiceKafkaEnvironment.of(service.name(), "127.0.0.1:9092",
                    user -> new KafkaCredentials(user, "secret-of-" + user));

            assertThat(environment).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
            if (usesKafka(service)) {
                assertThat(KafkaAccess.of(service.name())).as(service.name() + "'s principal").isPresent();
                assertThat(environment)
                        .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                        .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                        .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
                                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                                        + service.name() + "\" password=\"secret-of-" + service.name() + "\";");
            } else {
                assertThat(KafkaAccess.of(service.name())).as(service.name() + "'s principal").isEmpty();
                assertThat(environment).doesNotContainKey("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
            }
        }
    }

    /** A module with a Kafka dependency of its own (spring-boot-starter-kafka). */
    private static boolean usesKafka(ServiceDefinition service) throws IOException {
        return Files.readString(Path.of("..", service.module(), "pom.xml")).contains("kafka");
    }
}
