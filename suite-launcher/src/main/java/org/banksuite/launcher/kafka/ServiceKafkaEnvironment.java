package org.banksuite.launcher.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.banksuite.infra.KafkaCredentials;

/**
 * The environment that points a service's Kafka clients at the local stack's broker: Spring Boot's
 * {@code spring.kafka.bootstrap-servers}, and for a principal of {@link KafkaAccess} its SASL settings
 * ({@code spring.kafka.security.protocol}, {@code spring.kafka.properties.sasl.mechanism} and
 * {@code spring.kafka.properties.sasl.jaas.config}), which Spring Boot applies to every client it builds: producers,
 * consumers and admin clients.
 */
public final class ServiceKafkaEnvironment {

    private ServiceKafkaEnvironment() {
    }

    /**
     * @param service     the service's name (its principal, if it has one)
     * @param bootstrap   the broker's {@code host:port}
     * @param credentials each principal's credentials, by name
     * @return the variables to add to the service's environment
     */
    public static Map<String, String> of(String service, String bootstrap,
                                         Function<String, KafkaCredentials> credentials) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        if (KafkaAccess.of(service).isPresent()) {
            KafkaCredentials own = credentials.apply(service);
            environment.put("SPRING_KAFKA_SECURITY_PROTOCOL", KafkaCredentials.SECURITY_PROTOCOL);
            environment.put("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", KafkaCredentials.MECHANISM);
            environment.put("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", own.jaasConfig());
        }
        return environment;
    }
}
