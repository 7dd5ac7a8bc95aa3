package org.banksuite.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

class RealInfrastructureContextCustomizerTest {

    @Test
    void givesEachAnnotatedClassItsOwnDatabaseAndTopicPrefix() {
        Environment first = contextOf(FirstAnnotatedClass.class).getEnvironment();
        Environment second = contextOf(SecondAnnotatedClass.class).getEnvironment();

        assertThat(first.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql://")
                .isNotEqualTo(second.getProperty("spring.datasource.url"));
        assertThat(first.getProperty("suite.topics.prefix")).endsWith(".")
                .isNotEqualTo(second.getProperty("suite.topics.prefix"));
        assertThat(first.getProperty("spring.kafka.bootstrap-servers"))
                .isNotBlank()
                .isEqualTo(second.getProperty("spring.kafka.bootstrap-servers"));
    }

    @Test
    void reusesTheCachedContextOfTheSameClass() {
        assertThat(contextOf(FirstAnnotatedClass.class)).isSameAs(contextOf(FirstAnnotatedClass.class));
    }

    @Test
    void leavesClassesWithoutTheAnnotationAlone() {
        Environment plain = contextOf(PlainClass.class).getEnvironment();

        assertThat(plain.containsProperty("spring.datasource.url")).isFalse();
        assertThat(plain.containsProperty("suite.topics.prefix")).isFalse();
    }

    private static ApplicationContext contextOf(Class<?> testClass) {
        return new TestContextManager(testClass).getTestContext().getApplicationContext();
    }

    @Configuration
    static class EmptyConfiguration {
    }

    @RealInfrastructure
    @SpringJUnitConfig(EmptyConfiguration.class)
    static class FirstAnnotatedClass {
    }

    @RealInfrastructure
    @SpringJUnitConfig(EmptyConfiguration.class)
    static class SecondAnnotatedClass {
    }

    @SpringJUnitConfig(EmptyConfiguration.class)
    static class PlainClass {
    }
}
