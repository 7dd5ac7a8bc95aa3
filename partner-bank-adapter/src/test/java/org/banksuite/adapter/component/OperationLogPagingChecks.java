package org.banksuite.adapter.component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.banksuite.api.adapter.client.CoreOperationsApi;
import org.banksuite.api.adapter.client.invoker.ApiClient;
import org.banksuite.api.adapter.client.model.CoreOperation;
import org.banksuite.api.adapter.client.model.CoreOperationPage;
import org.banksuite.api.adapter.client.model.CoreOperationSummary;
import org.banksuite.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.HttpClientErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The operation log stays bounded however long it grows: pages of at most 200 operations whose cursor only pages the
 * list it came from, and an operation shows its latest 100 attempts while counting all of them.
 * <p>
 * Run as a {@code @Nested} class of {@link SupportApiIT}, on its adapter.
 */
abstract class OperationLogPagingChecks {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate database;

    private CoreOperationsApi operations;

    @BeforeEach
    void connect() {
        operations = new CoreOperationsApi(new ApiClient(ApiClient.buildRestClientBuilder()
                .requestInterceptor(TestIssuer.bearer(TestIssuer.get().support())).build())
                .setBasePath("http://localhost:" + port));
    }

    @Test
    void pagesOneAccountsOperationsAndRefusesItsCursorOnAnotherList() {
        String account = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            logged(account, 1);
            logged(other, 1);
        }

        CoreOperationPage first = operations.listCoreOperations(account, null, 2, null);
        CoreOperationPage second = operations.listCoreOperations(account, null, 2, first.getNextCursor());

        assertThat(first.getItems()).hasSize(2).allSatisfy(item -> assertThat(item.getAccountId()).isEqualTo(account));
        assertThat(second.getItems()).hasSize(1).allSatisfy(item -> assertThat(item.getAccountId()).isEqualTo(account));
        assertThat(second.getNextCursor()).isNull();
        assertThat(first.getNextCursor()).hasSizeLessThanOrEqualTo(200);
        for (String otherList : new String[] {other, null}) {
            assertThatThrownBy(() -> operations.listCoreOperations(otherList, null, 2, first.getNextCursor()))
                    .isInstanceOfSatisfying(HttpClientErrorException.class, refused -> {
                        assertThat(refused.getStatusCode().value()).isEqualTo(422);
                        assertThat(refused.getResponseBodyAsString()).contains("urn:banksuite:problem:invalid-request");
                    });
        }
    }

    @Test
    void showsTheLatestHundredAttemptsOfAnOperationAndCountsThemAll() {
        String operationId = logged(UUID.randomUUID().toString(), 150);

        CoreOperation operation = operations.getCoreOperation(operationId);

        assertThat(operation.getAttempts()).isEqualTo(150);
        assertThat(operation.getAttemptLog()).hasSize(100);
        assertThat(operation.getAttemptLog().getFirst().getAttempt()).isEqualTo(51);
        assertThat(operation.getAttemptLog().getLast().getAttempt()).isEqualTo(150);
        CoreOperationSummary listed = operations.listCoreOperations(null, null, 1, null).getItems().getFirst();
        assertThat(listed.getOperationId()).isEqualTo(operationId);
    }

    /** An operation of {@code account} still in progress after {@code attempts} attempts, as the log keeps it. */
    private String logged(String account, int attempts) {
        String operationId = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        database.update("""
                insert into core_operation (operation_id, kind, account_id, status, started_at, last_attempt_at, attempts)
                values (?, 'OPEN_ACCOUNT', ?, 'IN_PROGRESS', ?, ?, ?)""", operationId, account, now, now, attempts);
        for (int attempt = 1; attempt <= attempts; attempt++) {
            database.update("""
                    insert into core_operation_attempt (operation_id, attempt, call, started_at, duration_ms, http_status,
                                                        failure, outcome, retry_after_seconds)
                    values (?, ?, 'POST /core/v1/accounts', ?, 5, 503, 'HTTP 503 proxy-lane-full', 'RETRY_LATER', 1)""",
                    operationId, attempt, now);
        }
        return operationId;
    }
}
