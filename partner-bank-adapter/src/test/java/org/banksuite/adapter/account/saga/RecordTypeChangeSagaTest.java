package org.banksuite.adapter.account.saga;

import java.time.Duration;
import java.util.Optional;
import org.axonframework.test.saga.SagaTestFixture;
import org.banksuite.adapter.core.CoreAccess;
import org.banksuite.adapter.core.CoreAccountNumber;
import org.banksuite.adapter.core.CoreAnswer;
import org.banksuite.adapter.core.CoreRetries;
import org.banksuite.adapter.core.ScriptedCoreGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banksuite.adapter.account.domain.CoreAccountCommand.*;
import static org.banksuite.adapter.account.domain.CoreAccountEvent.*;
import static org.banksuite.adapter.account.saga.RecordTypeChangeSaga.ATTEMPT;

class RecordTypeChangeSagaTest {

    private static final CoreAccountNumber NUMBER = new CoreAccountNumber("1234", "1000001");
    private static final CoreRecordTypeChangeRequested REQUESTED = new CoreRecordTypeChangeRequested("a1", "op-3",
            NUMBER, "SAVINGS");

    private final ScriptedCoreGateway core = new ScriptedCoreGateway();
    private SagaTestFixture<RecordTypeChangeSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RecordTypeChangeSaga.class);
        fixture.registerResource(new CoreAccess(core, accountId -> Optional.empty(),
                new CoreRetries(Duration.ofSeconds(2), Duration.ofMinutes(5), 10)));
    }

    @Test
    void changesTheRecordTypeAtTheCoreAndRecordsIt() throws Exception {
        core.answering(new CoreAnswer.Done<>(null));

        fixture.givenAPublished(REQUESTED)
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(new RecordCoreRecordTypeChanged("a1", "SAVINGS"));
        assertThat(core.calls()).containsExactly(new ScriptedCoreGateway.Call("change", "a1", "SAVINGS"));
    }

    @Test
    void recordsTheCoresRefusalWithItsReason() throws Exception {
        core.answering(new CoreAnswer.Refused<>(409, "core-account-closed: the account is closed"));

        fixture.givenAPublished(REQUESTED)
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(new RefuseCoreRecordTypeChange("a1", "SAVINGS",
                        "core-account-closed: the account is closed"));
    }

    @Test
    void changesAgainWhenRetryAfterHasPassed() throws Exception {
        core.answering(new CoreAnswer.RetryLater<>(Duration.ofSeconds(3), "HTTP 429"), new CoreAnswer.Done<>(null));

        fixture.givenAPublished(REQUESTED)
                .andThenTimeElapses(Duration.ZERO)
                .whenTimeElapses(Duration.ofSeconds(3))
                .expectDispatchedCommands(new RecordCoreRecordTypeChanged("a1", "SAVINGS"));
    }

    @Test
    void backsOffAfterAFailureThatLeavesTheOutcomeUnknown() throws Exception {
        core.answering(new CoreAnswer.Unknown<>("HTTP 502 core-error"));

        fixture.givenAPublished(REQUESTED)
                .whenTimeElapses(Duration.ZERO)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(2), ATTEMPT)
                .expectNoDispatchedCommands();
    }

    @Test
    void endsWhenTheChangeIsConfirmed() throws Exception {
        core.answering(new CoreAnswer.Unknown<>("HTTP 502 core-error"));

        fixture.givenAPublished(REQUESTED)
                .andThenTimeElapses(Duration.ZERO)
                .whenPublishingA(new CoreRecordTypeChanged("a1", "op-3", "SAVINGS"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
