package org.banksuite.adapter.account.saga;

import java.time.Duration;
import java.util.Optional;
import org.axonframework.test.saga.SagaTestFixture;
import org.banksuite.adapter.core.CoreAccess;
import org.banksuite.adapter.core.CoreAccountNumber;
import org.banksuite.adapter.core.CoreAnswer;
import org.banksuite.adapter.core.CoreRetries;
import org.banksuite.adapter.core.ScriptedCoreGateway;
import org.banksuite.money.Currency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banksuite.adapter.account.domain.CoreAccountCommand.*;
import static org.banksuite.adapter.account.domain.CoreAccountEvent.*;
import static org.banksuite.adapter.account.saga.OpenAccountSaga.RETRY;

class OpenAccountSagaTest {

    private static final CoreAccountOpeningRequested REQUESTED = new CoreAccountOpeningRequested("a1", "op-1",
            Currency.DKK, "PERSONAL");
    private static final CoreAccountNumber NUMBER = new CoreAccountNumber("1234", "1000001");

    private final ScriptedCoreGateway core = new ScriptedCoreGateway();
    private SagaTestFixture<OpenAccountSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OpenAccountSaga.class);
        fixture.registerResource(new CoreAccess(core, accountId -> Optional.empty(),
                new CoreRetries(Duration.ofSeconds(2), Duration.ofMinutes(5), 10)));
    }

    @Test
    void opensTheAccountUnderItsIdAndRecordsItsCoreNumber() {
        core.answering(new CoreAnswer.Done<>(NUMBER));

        fixture.givenNoPriorActivity()
                .whenPublishingA(REQUESTED)
                .expectDispatchedCommands(new RecordCoreAccountOpened("a1", NUMBER));
        assertThat(core.calls()).containsExactly(new ScriptedCoreGateway.Call("open", "a1", "DKK PERSONAL"));
    }

    @Test
    void recordsTheCoresRefusalWithItsReason() {
        core.answering(new CoreAnswer.Refused<>(422, "invalid-request: recordType is not known"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(REQUESTED)
                .expectDispatchedCommands(new RefuseCoreAccountOpening("a1", "invalid-request: recordType is not known"));
    }

    @Test
    void opensAgainWhenRetryAfterHasPassed() {
        core.answering(new CoreAnswer.RetryLater<>(Duration.ofSeconds(20), "HTTP 429"), new CoreAnswer.Done<>(NUMBER));

        fixture.givenAPublished(REQUESTED)
                .whenTimeElapses(Duration.ofSeconds(20))
                .expectDispatchedCommands(new RecordCoreAccountOpened("a1", NUMBER));
    }

    @Test
    void waitsAsLongAsRetryAfterSays() {
        core.answering(new CoreAnswer.RetryLater<>(Duration.ofSeconds(20), "HTTP 503"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(REQUESTED)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(20), RETRY);
    }

    @Test
    void opensAgainAfterATimeoutBecauseTheCoreAnswersTheSameAccountForTheSameId() {
        core.answering(new CoreAnswer.Unknown<>("no answer: timeout"), new CoreAnswer.Done<>(NUMBER));

        fixture.givenAPublished(REQUESTED)
                .whenTimeElapses(Duration.ofSeconds(2))
                .expectDispatchedCommands(new RecordCoreAccountOpened("a1", NUMBER));
        assertThat(core.callNames()).containsExactly("open a1", "open a1");
    }

    @Test
    void endsWhenTheAccountIsOpened() {
        core.answering(new CoreAnswer.Unknown<>("HTTP 502"));

        fixture.givenAPublished(REQUESTED)
                .whenPublishingA(new CoreAccountOpened("a1", "op-1", NUMBER))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
