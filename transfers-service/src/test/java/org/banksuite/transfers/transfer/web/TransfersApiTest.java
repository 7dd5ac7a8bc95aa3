package org.banksuite.transfers.transfer.web;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.banksuite.kit.idempotency.IdempotencyStore;
import org.banksuite.kit.idempotency.IdempotentRequests;
import org.banksuite.transfers.transfer.domain.TransferState;
import org.banksuite.transfers.transfer.domain.TransferStatus;
import org.banksuite.transfers.transfer.query.TransferRequests;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;
import org.banksuite.transfers.transfer.domain.Creditor;
import org.banksuite.transfers.transfer.domain.TransferEvent.TransferRequested;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.banksuite.testsupport.RealInfrastructureExtension;
import org.banksuite.testsupport.TestDatabase;
import org.banksuite.transfers.account.query.AccountReplica;
import org.banksuite.transfers.transfer.domain.TransferRefusedException;
import org.banksuite.transfers.transfer.query.TransferViews;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.validation.beanvalidation.MethodValidationInterceptor;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * The transfers API over HTTP (MockMvc) with its real checks, idempotency and views on a real PostgreSQL; only the
 * command gateway is a stand-in, recording what it is sent, and the caller is set as the door would set it from a
 * customer's token (the door itself is tested in {@code AuthorizationIT}). The controller is wrapped in the method-validation proxy Spring Boot puts around a
 * {@code @Validated} bean, so header and query constraints answer as in the running service.
 */
@ExtendWith(RealInfrastructureExtension.class)
class TransfersApiTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final String DEBTOR = UUID.randomUUID().toString();
    private static final String CREDITOR = UUID.randomUUID().toString();
    private static final String VALID = """
            {"debtorAccountId": "%s", "creditor": {"accountId": "%s"},
             "amount": {"amount": "125.50", "currency": "DKK"}, "debtorText": "rent", "creditorText": "rent from Bo"}"""
            .formatted(DEBTOR, CREDITOR);

    private final JdbcTemplate jdbc;
    private final List<Object> sent = new ArrayList<>();
    private RuntimeException refusal;
    private final CommandGateway commands = (CommandGateway) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {CommandGateway.class}, (proxy, method, arguments) -> {
                if (!method.getName().equals("sendAndWait")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                sent.add(arguments[0]);
                if (refusal != null) {
                    throw refusal;
                }
                return null;
            });
    private final MockMvc mvc;
    /** The write side's stored events, for reads of a transfer accepted before its view has it. */
    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();

    TransfersApiTest(TestDatabase database) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/kit", "classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        TransfersController controller = new TransfersController(commands, new TransferViews(jdbc),
                new TransferRequestValidation(new AccountReplica(jdbc), CLOCK),
                new IdempotentRequests(new IdempotencyStore(jdbc), JsonMapper.builder().build(),
                        transferId -> false), // the fake gateway stores nothing
                transferId -> new TransferState(transferId, TransferStatus.REQUESTED, 0), new AccountReplica(jdbc),
                new TransferReads(new TransferViews(jdbc), new TransferRequests(events), new AccountReplica(jdbc),
                        Duration.ZERO)); // the bounded wait itself is TransfersFlowIT's

        ProxyFactory validated = new ProxyFactory(controller);
        validated.setProxyTargetClass(true);
        validated.addAdvice(new MethodValidationInterceptor((jakarta.validation.Validator) validator));
        mvc = MockMvcBuilders.standaloneSetup(validated.getProxy())
                .setControllerAdvice(new ProblemHandler())
                .setValidator(validator)
                .build();
    }

    @BeforeEach
    void anActiveDkkDebtorAndNothingElse() {
        jdbc.update("delete from idempotency_record");
        jdbc.update("delete from account_replica");
        jdbc.update("truncate transfer_view restart identity");
        jdbc.update("""
                insert into account_replica (account_id, customer_id, currency, status, version)
                values (?, 'alice', 'DKK', 'ACTIVE', 1)""", DEBTOR);
        callAs("alice");
    }

    @AfterEach
    void forgetTheCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void acceptsATransferWithItsIdStatusAndLocation() throws Exception {
        create("k1", VALID)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("REQUESTED"))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(header().string("Location", startsWith("/v1/transfers/")));
        assertThat(sent).hasSize(1);
    }

    @Test
    void schedulesATransferForALaterDate() throws Exception {
        create("k2", VALID.replace("\"debtorText\"", "\"executionDate\": \"2026-12-01\", \"debtorText\""))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("SCHEDULED"));
    }

    @Test
    void answersTheSameKeyAndBodyWithTheFirstResponseAndSendsOnce() throws Exception {
        String first = create("k3", VALID).andReturn().getResponse().getContentAsString();

        create("k3", VALID).andExpect(status().isAccepted()).andExpect(content().json(first));
        assertThat(sent).hasSize(1);
    }

    @Test
    void answersAsAcceptedWhenAnEarlierAttemptCreatedTheTransfer() throws Exception {
        refusal = new AggregateStreamCreationException("created before a crash");

        create("k4", VALID).andExpect(status().isAccepted());
    }

    @Test
    void refusesTheSameKeyWithAnotherBody() throws Exception {
        create("k5", VALID);

        assertProblem(create("k5", VALID.replace("125.50", "125.51")), 422, "idempotency-key-reused");
    }

    @Test
    void freesTheKeyOfARefusedRequestForACorrectedOne() throws Exception {
        assertProblem(create("k6", VALID.replace("125.50", "0")), 422, "invalid-amount");

        create("k6", VALID).andExpect(status().isAccepted());
    }

    @Test
    void refusesMalformedJson() throws Exception {
        assertProblem(create("k7", "{\"debtorAccountId\": "), 400, "malformed-request");
        assertThat(sent).isEmpty();
    }

    @Test
    void refusesAnIdThatIsNoUuidAsMalformed() throws Exception {
        assertProblem(create("k8", VALID.replace(DEBTOR, "not-a-uuid")), 400, "malformed-request")
                .andExpect(jsonPath("$.errors[0].field").value("debtorAccountId"));
    }

    @Test
    void refusesATransferWithoutIdempotencyKey() throws Exception {
        assertProblem(create(null, VALID), 400, "idempotency-key-missing");
    }

    @Test
    void refusesAnEmptyIdempotencyKey() throws Exception {
        assertProblem(create("", VALID), 400, "idempotency-key-missing");
    }

    @Test
    void namesAMissingField() throws Exception {
        assertProblem(create("k9", VALID.replace("\"debtorText\": \"rent\", ", "")), 422, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("debtorText"));
    }

    @Test
    void answersInvalidAmountForAnAmountThatIsNoNumber() throws Exception {
        assertProblem(create("k10", VALID.replace("125.50", "12,50")), 422, "invalid-amount");
    }

    @Test
    void answersUnsupportedCurrencyForACodeThatIsNoCurrency() throws Exception {
        assertProblem(create("k11", VALID.replace("\"DKK\"", "\"dkk\"")), 422, "unsupported-currency");
    }

    @Test
    void answersInvalidCreditorForABadRegistrationNumber() throws Exception {
        String badNumber = VALID.replace("{\"accountId\": \"" + CREDITOR + "\"}",
                "{\"registrationNumber\": \"15\", \"accountNumber\": \"42\"}");

        assertProblem(create("k12", badNumber), 422, "invalid-creditor");
    }

    @Test
    void answersTheFirstCheckInTheSpecsOrderWhenBeanValidationFindsSeveral() throws Exception {
        String twoFaults = VALID.replace("{\"accountId\": \"" + CREDITOR + "\"}",
                "{\"registrationNumber\": \"15\", \"accountNumber\": \"42\"}").replace("\"DKK\"", "\"dkk\"");

        assertProblem(create("k13", twoFaults), 422, "unsupported-currency");
    }

    @Test
    void answersTheProblemOfTheFailingCheck() throws Exception {
        assertProblem(create("k14", VALID.replace(DEBTOR, UUID.randomUUID().toString())), 422,
                "debtor-account-unknown");
        assertThat(sent).isEmpty();
    }

    @Test
    void answersInvalidRequestWhenTheTransferRefusesWhatTheChecksLetThrough() throws Exception {
        refusal = new TransferRefusedException("the execution date has passed");

        assertProblem(create("k15", VALID), 422, "invalid-request");
    }

    @Test
    void readsATransferFromTheView() throws Exception {
        String transferId = UUID.randomUUID().toString();
        jdbc.update("""
                insert into transfer_view (transfer_id, status, debtor_account_id, creditor_registration_number,
                    creditor_account_number, amount, currency, debtor_text, creditor_text, rejection_reason,
                    requested_at, version)
                values (?, 'REJECTED', ?, '1551', '42', 7.5, 'DKK', 'a', 'b', 'INSUFFICIENT_FUNDS', now(), 1)""",
                transferId, DEBTOR);

        mvc.perform(get("/v1/transfers/" + transferId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.rejectionReason").value("INSUFFICIENT_FUNDS"))
                .andExpect(jsonPath("$.amount.amount").value("7.50"))
                .andExpect(jsonPath("$.creditor.registrationNumber").value("1551"))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void answersAtMinVersionAndViewBehindWithRetryAfterAboveIt() throws Exception {
        String transferId = transferInViewAtVersion(1);

        mvc.perform(get("/v1/transfers/" + transferId + "?minVersion=1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        assertProblem(mvc.perform(get("/v1/transfers/" + transferId + "?minVersion=2")), 503, "view-behind")
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.minVersion").value(2))
                .andExpect(jsonPath("$.viewVersion").value(1));
        assertProblem(mvc.perform(get("/v1/transfers/" + transferId + "?minVersion=-1")), 422, "invalid-request");
    }

    @Test
    void readsATransferAcceptedButNotYetInTheViewAsRequestedToItsSenderOnly() throws Exception {
        String transferId = UUID.randomUUID().toString();
        events.publish(new GenericDomainEventMessage<>("Transfer", transferId, 0, new TransferRequested(transferId,
                DEBTOR, Creditor.bankAccount("1551", "42"), Money.of("7.50", Currency.DKK), "a", "b", null)));

        mvc.perform(get("/v1/transfers/" + transferId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REQUESTED"))
                .andExpect(jsonPath("$.amount.amount").value("7.50"))
                .andExpect(jsonPath("$.version").value(0));
        assertProblem(mvc.perform(get("/v1/transfers/" + transferId + "?minVersion=1")), 503, "view-behind")
                .andExpect(jsonPath("$.viewVersion").doesNotExist());
        callAs("bob");
        assertProblem(mvc.perform(get("/v1/transfers/" + transferId)), 404, "transfer-not-found");
    }

    @Test
    void listsAnAccountsTransfersOnceTheMinVersionsTransferIsInItAndRefusesAnyOtherMinVersion() throws Exception {
        String transferId = transferInViewAtVersion(1);
        String list = "/v1/accounts/" + DEBTOR + "/transfers?minVersion=";

        mvc.perform(get(list + transferId + ":1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].transferId").value(transferId));
        assertProblem(mvc.perform(get(list + transferId + ":2")), 503, "view-behind");
        assertProblem(mvc.perform(get(list + UUID.randomUUID() + ":0")), 422, "invalid-request");
        assertProblem(mvc.perform(get(list + transferId)), 422, "invalid-request");
        assertProblem(mvc.perform(get(list + transferId + ":-1")), 422, "invalid-request");
    }

    private String transferInViewAtVersion(long version) {
        String transferId = UUID.randomUUID().toString();
        jdbc.update("""
                insert into transfer_view (transfer_id, status, debtor_account_id, creditor_registration_number,
                    creditor_account_number, amount, currency, debtor_text, creditor_text, requested_at, version)
                values (?, 'FUNDS_RESERVED', ?, '1551', '42', 7.5, 'DKK', 'a', 'b', now(), ?)""",
                transferId, DEBTOR, version);
        return transferId;
    }

    @Test
    void answersNotFoundForAnUnknownTransferAndForAnIdThatIsNoUuid() throws Exception {
        assertProblem(mvc.perform(get("/v1/transfers/" + UUID.randomUUID())), 404, "transfer-not-found");
        assertProblem(mvc.perform(get("/v1/transfers/not-a-uuid")), 404, "transfer-not-found");
    }

    @Test
    void answersNotFoundForATransferOfAnotherCustomer() throws Exception {
        String transferId = UUID.randomUUID().toString();
        jdbc.update("""
                insert into transfer_view (transfer_id, status, debtor_account_id, creditor_registration_number,
                    creditor_account_number, amount, currency, debtor_text, creditor_text, requested_at, version)
                values (?, 'REQUESTED', ?, '1551', '42', 7.5, 'DKK', 'a', 'b', now(), 1)""", transferId, DEBTOR);
        callAs("bob");

        assertProblem(mvc.perform(get("/v1/transfers/" + transferId)), 404, "transfer-not-found");
    }

    @Test
    void listsNoTransfersOfAnAccountItDoesNotKnowOrOfAnotherCustomer() throws Exception {
        assertProblem(mvc.perform(get("/v1/accounts/" + UUID.randomUUID() + "/transfers")), 404, "not-found");
        callAs("bob");
        assertProblem(mvc.perform(get("/v1/accounts/" + DEBTOR + "/transfers")), 404, "not-found");
    }

    @Test
    void listsAnOwnAccountWithoutTransfersAsAnEmptyPage() throws Exception {
        mvc.perform(get("/v1/accounts/" + DEBTOR + "/transfers"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void keepsEachCustomersIdempotencyKeysApart() throws Exception {
        create("shared-key", VALID).andExpect(status().isAccepted());
        callAs("bob");

        assertProblem(create("shared-key", VALID), 422, "debtor-account-unknown");
        assertThat(sent).hasSize(1);
    }

    @Test
    void refusesALimitBeyondTheMaximumAndACursorItDidNotIssue() throws Exception {
        assertProblem(mvc.perform(get("/v1/accounts/" + DEBTOR + "/transfers?limit=201")), 422, "invalid-request");
        assertProblem(mvc.perform(get("/v1/accounts/" + DEBTOR + "/transfers?cursor=bogus")), 422, "invalid-request");
    }

    private static void callAs(String customerId) {
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken(customerId, null, "ROLE_customer"));
    }

    private ResultActions create(String idempotencyKey, String body) throws Exception {
        var request = post("/v1/transfers").contentType(MediaType.APPLICATION_JSON).content(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request);
    }

    private static ResultActions assertProblem(ResultActions response, int status, String type) throws Exception {
        return response.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:banksuite:problem:" + type))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty());
    }
}
