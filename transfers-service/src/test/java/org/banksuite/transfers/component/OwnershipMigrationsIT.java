package org.banksuite.transfers.component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.banksuite.api.transfers.client.TransfersApi;
import org.banksuite.api.transfers.client.model.CreateTransferRequest;
import org.banksuite.api.transfers.client.model.MoneyInput;
import org.banksuite.api.transfers.client.model.TransferCreditor;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.accounts.v1.AccountActivated;
import org.banksuite.events.accounts.v1.AccountOpened;
import org.banksuite.kit.messaging.TopicNames;
import org.banksuite.testsupport.KafkaTestProducer;
import org.banksuite.testsupport.OpenApiTrafficConfiguration;
import org.banksuite.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a service upgraded in place finds, run against events and records stored by the running service: the owners
 * of the accounts the replica knew before it kept owners come from the {@code AccountOpened} events the inbox stored
 * ({@code V5__account_replica_owner.sql}), and an Idempotency-Key claimed before keys were per customer keeps
 * answering its customer's retry with the same transfer ({@code V5_1__idempotency_keys_per_customer.sql}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@Import(OpenApiTrafficConfiguration.class)
@TestPropertySource(properties = "suite.test.openapi-specs=openapi/transfers-v1.yaml,openapi/ops-v1.yaml")
class OwnershipMigrationsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
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

        jdbc.update(updateOf("V5__account_replica_owner.sql"));

        assertThat(owner(before)).isEqualTo("owner-of-" + before);
        assertThat(owner(known)).isEqualTo("kept");
    }

    @Test
    void answersARetryWithAKeyClaimedBeforeKeysWerePerCustomerWithTheSameTransfer() throws Exception {
        String debtor = UUID.randomUUID().toString();
        try (KafkaTestProducer accountsService = new KafkaTestProducer(bootstrapServers)) {
            accountsService.send(CloudEventsKafka.toRecord(topics.accountsEvents(), EventEnvelope.of(
                    UUID.randomUUID().toString(), "/accounts-service", Instant.now(), 0,
                    new AccountOpened(debtor, "upgraded-customer", "DKK", "PERSONAL", Instant.now()))));
            accountsService.send(CloudEventsKafka.toRecord(topics.accountsEvents(), EventEnvelope.of(
                    UUID.randomUUID().toString(), "/accounts-service", Instant.now(), 1,
                    new AccountActivated(debtor, "1234", "77001", Instant.now()))));
        }
        await().atMost(PATIENCE).until(() -> "ACTIVE".equals(jdbc.queryForList(
                "select status from account_replica where account_id = ?", String.class, debtor).stream()
                .findFirst().orElse(null)));
        TransfersApi transfers = Callers.transfersAs("http://localhost:" + port, "upgraded-customer");
        String key = UUID.randomUUID().toString();
        CreateTransferRequest request = new CreateTransferRequest().debtorAccountId(UUID.fromString(debtor))
                .creditor(new TransferCreditor().registrationNumber("9999").accountNumber("1234567"))
                .amount(new MoneyInput().amount("15.00").currency("DKK")).debtorText("rent").creditorText("rent");
        UUID transfer = transfers.createTransfer(key, request).getTransferId();
        assertThat(jdbc.update("update idempotency_record set operation = 'create-transfer' where idempotency_key = ?",
                key)).as("the key as the previous version kept it").isEqualTo(1);

        jdbc.update(updateOf("V5_1__idempotency_keys_per_customer.sql"));

        assertThat(transfers.createTransfer(key, request).getTransferId()).isEqualTo(transfer);
        assertThat(jdbc.queryForObject("""
                select count(distinct aggregateidentifier) from domainevententry
                where type = 'Transfer' and position(convert_to(?, 'UTF8') in payload) > 0""", Long.class, debtor))
                .isEqualTo(1);
    }

    private String owner(String accountId) {
        List<String> owners = jdbc.queryForList("select customer_id from account_replica where account_id = ?",
                String.class, accountId);
        return owners.isEmpty() ? null : owners.getFirst();
    }

    /** The UPDATE of the migration {@code script}, as Flyway ran it on the upgrade. */
    private static String updateOf(String script) throws Exception {
        String text = new ClassPathResource("db/migration/" + script)
                .getContentAsString(StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        return Arrays.stream(text.split(";")).map(String::strip)
                .filter(statement -> statement.startsWith("UPDATE")).findFirst().orElseThrow();
    }
}
