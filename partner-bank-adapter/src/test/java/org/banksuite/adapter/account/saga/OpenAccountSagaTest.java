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
import static org.banksuite.adapter.account.saga.OpenAccountSaga.ATTEMPT;

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
    void callsTheCoreOnlyInTheAttemptDueAtOnce() throws Exception {
        fixture.givenNoPriorActivity()
                .whenPublishingA(REQUESTED)
                .expectScheduledDeadlineWithName(Duration.ZERO, ATTEMPT)
                .expectNoDispatchedCommands();
        assertThat(core.calls()).isEmpty();
    }

    @Test
    void opensTheAccountUnderItsIdAndRecordsItsCoreNumber() throws Exception {
        core.answering(new CoreAnswer.Done<>(NUMBER));

        fixture.givenAPublished(REQUESTED)
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(new RecordCoreAccountOpened("a1", NUMBER));
        assertThat(core.calls()).containsExactly(new ScriptedCoreGateway.Call("open", "a1", "DKK PERSONAL"));
    }

    @Test
    void recordsTheCoresRefusalWithItsReason() throws Exception {
        core.answering(new CoreAnswer.Refused<>(422, "invalid-request: recordType is not known"));

        fixture.givenAPublished(REQUESTED)
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(new RefuseCoreAccountOpening("a1", "invalid-request: recordType is not known"));
    }

    @Test
    void opensAgainWhenRetryAfterHasPassed() throws Exception {
        core.answering(new CoreAnswer.RetryLater<>(Duration.ofSeconds(20), "HTTP 429"), new CoreAnswer.Done<>(NUMBER));

        fixture.givenAPublished(REQUESTED)
                .andThenTimeElapses(Duration.ZERO)
                .whenTimeElapses(Duration.ofSeconds(20))
                .expectDispatchedCommands(new RecordCoreAccountOpened("a1", NUMBER));
    }

    @Test
    void waitsAsLongAsRetryAfterSays() throws Exception {
        core.answering(new CoreAnswer.RetryLater<>(Duration.ofSeconds(20), "HTTP 503"));

        fixture.givenAPublished(REQUESTED)
                .whenTimeElapses(Duration.ZERO)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(20), ATTEMPT);
    }

    @Test
    void opensAgainAfterATimeoutBecauseTheCoreAnswersTheSameAccountForTheSameId() throws Exception {
        core.answering(new CoreAnswer.Unknown<>("no answer: timeout"), new CoreAnswer.Done<>(NUMBER));

        fixture.givenAPublished(REQUESTED)
                .andThenTimeElapses(Duration.ZERO)
                .whenTimeElapses(Duration.ofSeconds(2))
                .expectDispatchedCommands(new RecordCoreAccountOpened("a1", NUMBER));
        assertThat(core.callNames()).containsExactly("open a1", "open a1");
    }

    @Test
    void endsWhenTheAccountIsOpened() throws Exception {
        core.answering(new CoreAnswer.Unknown<>("HTTP 502"));

        fixture.givenAPublished(REQUESTED)
                .andThenTimeElapses(Duration.ZERO)
                .whenPublishingA(new CoreAccountOpened("a1", "op-1", NUMBER))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
