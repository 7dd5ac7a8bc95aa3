package org.banksuite.transfers.component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.banksuite.api.transfers.client.TransfersApi;
import org.banksuite.api.transfers.client.model.CreateTransferRequest;
import org.banksuite.api.transfers.client.model.MoneyInput;
import org.banksuite.api.transfers.client.model.TransferAccepted;
import org.banksuite.api.transfers.client.model.TransferCreditor;
import org.banksuite.api.transfers.client.model.TransferStatus;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.events.accounts.v1.AccountActivated;
import org.banksuite.events.accounts.v1.AccountBlocked;
import org.banksuite.events.accounts.v1.AccountOpened;
import org.banksuite.kit.messaging.TopicNames;
import org.banksuite.testsupport.KafkaTestProducer;
import org.banksuite.testsupport.RealInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.HttpClientErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A transfer whose process died after {@code RequestTransfer} was stored and before its Idempotency-Key was completed,
 * retried after the world moved on (past midnight in Copenhagen, the debtor blocked): the retry answers the transfer
 * that exists, and pays nothing twice. The test plays accounts-service on {@code accounts.events}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class IdempotentRetryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String CUSTOMER = "crash-customer";

    @TestConfiguration
    static class NightsPass {
        @Bean
        @Primary
        ShiftableClock shiftableClock() {
            return new ShiftableClock();
        }
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    TopicNames topics;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ShiftableClock clock;

    private TransfersApi transfers;
    private KafkaTestProducer accountsService;

    @BeforeEach
    void connect() {
        transfers = Callers.transfersAs("http://localhost:" + port, CUSTOMER);
        accountsService = new KafkaTestProducer(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        accountsService.close();
    }

    @Test
    void answersTheStoredTransferWhenRetriedAfterMidnightAndABlockOfTheDebtor() {
        UUID debtor = activeDebtor();
        String key = UUID.randomUUID().toString();
        CreateTransferRequest today = request(debtor, "25.00")
                .executionDate(LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen"))));
        UUID transfer = transfers.createTransfer(key, today).getTransferId();
        crashBeforeTheKeyWasCompleted(key);
        accountsSay(new AccountBlocked(debtor.toString(), "card stolen", Instant.now()), 2);
        awaitReplica(debtor, "BLOCKED");
        clock.moveForward(Duration.ofDays(1));

        TransferAccepted retry = transfers.createTransfer(key, today);

        assertThat(retry.getTransferId()).isEqualTo(transfer);
        assertThat(retry.getStatus()).isEqualTo(TransferStatus.REQUESTED);
        assertThat(retry.getVersion()).isZero(); // the aggregate's version: nothing reserved it here
        assertThat(transfersOf(debtor)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select state from idempotency_record where idempotency_key = ?", String.class,
                key)).isEqualTo("COMPLETED");
        assertThat(transfers.createTransfer(key, today).getTransferId()).isEqualTo(transfer);
    }

    @Test
    void refusesACorrectedBodyWithTheKeyOfACrashedTransferAndPaysOnce() {
        UUID debtor = activeDebtor();
        String key = UUID.randomUUID().toString();
        UUID transfer = transfers.createTransfer(key, request(debtor, "25.00")).getTransferId();
        crashBeforeTheKeyWasCompleted(key);

        assertThatThrownBy(() -> transfers.createTransfer(key, request(debtor, "26.00")))
                .isInstanceOfSatisfying(HttpClientErrorException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(422));
        assertThat(transfersOf(debtor)).isEqualTo(1);
        assertThat(transfers.createTransfer(key, request(debtor, "25.00")).getTransferId()).isEqualTo(transfer);
    }

    private UUID activeDebtor() {
        UUID debtor = UUID.randomUUID();
        accountsSay(new AccountOpened(debtor.toString(), CUSTOMER, "DKK", "PERSONAL", Instant.now()), 0);
        accountsSay(new AccountActivated(debtor.toString(), "1234", "88001", Instant.now()), 1);
        awaitReplica(debtor, "ACTIVE");
        return debtor;
    }

    private static CreateTransferRequest request(UUID debtor, String amount) {
        return new CreateTransferRequest().debtorAccountId(debtor)
                .creditor(new TransferCreditor().registrationNumber("9999").accountNumber("1234567"))
                .amount(new MoneyInput().amount(amount).currency("DKK"))
                .debtorText("rent").creditorText("rent");
    }

    /** As a kill -9 between storing the command and recording the answer leaves the key: claimed long ago. */
    private void crashBeforeTheKeyWasCompleted(String key) {
        assertThat(jdbc.update("""
                update idempotency_record set state = 'IN_PROGRESS', response_status = null, response_body = null,
                  claimed_at = now() - interval '1 hour' where idempotency_key = ?""", key)).isEqualTo(1);
    }

    /** Transfers stored with this debtor: counted in the event store, which never lags. */
    private long transfersOf(UUID debtor) {
        return jdbc.queryForObject("""
                select count(distinct aggregateidentifier) from domainevententry
                where type = 'Transfer' and position(convert_to(?, 'UTF8') in payload) > 0""", Long.class,
                debtor.toString());
    }

    private void accountsSay(IntegrationEvent event, long sequence) {
        accountsService.send(CloudEventsKafka.toRecord(topics.accountsEvents(),
                EventEnvelope.of(UUID.randomUUID().toString(), "/accounts-service", Instant.now(), sequence, event)));
    }

    private void awaitReplica(UUID accountId, String status) {
        await().atMost(PATIENCE).until(() -> status.equals(jdbc.query(
                "select status from account_replica where account_id = ?", (rs, row) -> rs.getString(1),
                accountId.toString()).stream().findFirst().orElse(null)));
    }
}
