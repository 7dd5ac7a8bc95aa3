package org.banksuite.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a Spring test class against real PostgreSQL and Kafka (see {@link TestInfrastructure}):
 * the class gets its own Spring context, a fresh database and a fresh topic prefix, set with the
 * highest precedence as {@code spring.datasource.url}, {@code spring.datasource.username},
 * {@code spring.datasource.password}, {@code spring.kafka.bootstrap-servers} and
 * {@code suite.topics.prefix}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface RealInfrastructure {
}
