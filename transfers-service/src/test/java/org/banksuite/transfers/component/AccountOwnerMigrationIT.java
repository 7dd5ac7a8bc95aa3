package org.banksuite.transfers.component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.accounts.v1.AccountOpened;
import org.banksuite.kit.messaging.TopicNames;
import org.banksuite.testsupport.KafkaTestProducer;
import org.banksuite.testsupport.OpenApiTrafficConfiguration;
import org.banksuite.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The owners of the accounts the replica knew before it kept owners ({@code V5__account_replica_owner.sql}) come from
 * the {@code AccountOpened} events the inbox stored, as a service upgraded in place finds them: the migration's
 * update, run against events stored by the running service, gives each account its owner and changes no owner known.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@Import(OpenApiTrafficConfiguration.class)
@TestPropertySource(properties = "suite.test.openapi-specs=openapi/transfers-v1.yaml,openapi/ops-v1.yaml")
class AccountOwnerMigrationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    TopicNames topics;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fillsTheOwnersOfAccountsKnownBeforeFromTheStoredOpeningsAndKeepsKnownOnes() throws Exception {
        String before = UUID.randomUUID().toString();
        String known = UUID.randomUUID().toString();
        try (KafkaTestProducer accountsService = new KafkaTestProducer(bootstrapServers)) {
            for (String account : new String[] {before, known}) {
                accountsService.send(CloudEventsKafka.toRecord(topics.accountsEvents(), EventEnvelope.of(
                        UUID.randomUUID().toString(), "/accounts-service", Instant.now(), 0,
                        new AccountOpened(account, "owner-of-" + account, "DKK", "PERSONAL", Instant.now()))));
            }
        }
        await().atMost(PATIENCE).until(() -> owner(before) != null && owner(known) != null);
        jdbc.update("update account_replica set customer_id = null where account_id = ?", before);
        jdbc.update("update account_replica set customer_id = 'kept' where account_id = ?", known);

        jdbc.update(ownerFillingStatement());

        assertThat(owner(before)).isEqualTo("owner-of-" + before);
        assertThat(owner(known)).isEqualTo("kept");
    }

    private String owner(String accountId) {
        List<String> owners = jdbc.queryForList("select customer_id from account_replica where account_id = ?",
                String.class, accountId);
        return owners.isEmpty() ? null : owners.getFirst();
    }

    /** The migration's UPDATE, as Flyway ran it when the column was added. */
    private static String ownerFillingStatement() throws Exception {
        String script = new ClassPathResource("db/migration/V5__account_replica_owner.sql")
                .getContentAsString(StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        return Arrays.stream(script.split(";")).map(String::strip)
                .filter(statement -> statement.startsWith("UPDATE")).findFirst().orElseThrow();
    }
}
