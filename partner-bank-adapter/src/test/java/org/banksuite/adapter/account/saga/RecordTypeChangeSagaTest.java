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
import static org.banksuite.adapter.account.saga.RecordTypeChangeSaga.RETRY;

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
    void changesTheRecordTypeAtTheCoreAndRecordsIt() {
        core.answering(new CoreAnswer.Done<>(null));

        fixture.givenNoPriorActivity()
                .whenPublishingA(REQUESTED)
                .expectDispatchedCommands(new RecordCoreRecordTypeChanged("a1", "SAVINGS"));
        assertThat(core.calls()).containsExactly(new ScriptedCoreGateway.Call("change", "a1", "SAVINGS"));
    }

    @Test
    void recordsTheCoresRefusalWithItsReason() {
        core.answering(new CoreAnswer.Refused<>(409, "core-account-closed: the account is closed"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(REQUESTED)
                .expectDispatchedCommands(new RefuseCoreRecordTypeChange("a1", "SAVINGS",
                        "core-account-closed: the account is closed"));
    }

    @Test
    void changesAgainWhenRetryAfterHasPassed() {
        core.answering(new CoreAnswer.RetryLater<>(Duration.ofSeconds(3), "HTTP 429"), new CoreAnswer.Done<>(null));

        fixture.givenAPublished(REQUESTED)
                .whenTimeElapses(Duration.ofSeconds(3))
                .expectDispatchedCommands(new RecordCoreRecordTypeChanged("a1", "SAVINGS"));
    }

    @Test
    void backsOffAfterAFailureThatLeavesTheOutcomeUnknown() {
        core.answering(new CoreAnswer.Unknown<>("HTTP 502 core-error"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(REQUESTED)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(2), RETRY)
                .expectNoDispatchedCommands();
    }

    @Test
    void endsWhenTheChangeIsConfirmed() {
        core.answering(new CoreAnswer.Unknown<>("HTTP 502 core-error"));

        fixture.givenAPublished(REQUESTED)
                .whenPublishingA(new CoreRecordTypeChanged("a1", "op-3", "SAVINGS"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
