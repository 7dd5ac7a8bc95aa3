package org.banksuite.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@RealInfrastructure
@SpringBootTest(classes = RealInfrastructureSpringBootTest.EmptyConfiguration.class,
        properties = {"spring.datasource.url=jdbc:postgresql://nowhere/overridden", "suite.topics.prefix=overridden."})
class RealInfrastructureSpringBootTest {

    @Autowired
    Environment environment;

    @Test
    void overridesOtherPropertySourcesWithAFreshDatabase() throws SQLException {
        String url = environment.getRequiredProperty("spring.datasource.url");
        try (Connection connection = DriverManager.getConnection(url,
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getRequiredProperty("spring.datasource.password"));
             Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery(
                     "select count(*) from information_schema.tables where table_schema = 'public'")) {
            tables.next();
            assertThat(tables.getInt(1)).isZero();
        }
        assertThat(environment.getProperty("suite.topics.prefix")).startsWith("realinfrastructurespringboottest-");
    }

    @Configuration
    static class EmptyConfiguration {
    }
}
