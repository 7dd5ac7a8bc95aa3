package org.banksuite.adapter.account.saga;

import java.time.Duration;
import java.util.Optional;
import org.axonframework.test.saga.SagaTestFixture;
import org.banksuite.adapter.core.CoreAccess;
import org.banksuite.adapter.core.CoreAccountNumber;
import org.banksuite.adapter.core.CoreAnswer;
import org.banksuite.adapter.core.CoreRetries;
import org.banksuite.adapter.core.ScriptedCoreGateway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banksuite.adapter.account.domain.CoreAccountCommand.*;
import static org.banksuite.adapter.account.domain.CoreAccountEvent.*;

/**
 * The account sagas call the core only for a request that is still unanswered: a saga starts only on a core account's
 * {@code …Requested} event, which a replayed request no longer produces (see {@code CoreAccountReplayTest}), and once
 * its own request is answered a saga makes no further attempt; an answer to another request does not end it.
 */
class AnsweredRequestsTest {

    private static final CoreAccountNumber NUMBER = new CoreAccountNumber("1234", "1000001");
    private static final CoreRetries RETRIES = new CoreRetries(Duration.ofSeconds(2), Duration.ofMinutes(5), 10);

    private final ScriptedCoreGateway core = new ScriptedCoreGateway();

    private <S> SagaTestFixture<S> fixture(Class<S> saga) {
        SagaTestFixture<S> fixture = new SagaTestFixture<>(saga);
        fixture.registerResource(new CoreAccess(core, accountId -> Optional.empty(), RETRIES));
        return fixture;
    }

    @Test
    void aClosureAnsweredBeforeItsAttemptIsDueIsNotSentToTheCore() throws Exception {
        core.answering(new CoreAnswer.Done<>(null));

        fixture(CloseAccountSaga.class)
                .givenAPublished(new CoreAccountClosureRequested("a1", "op-2", NUMBER, 4L))
                .andThenAPublished(new CoreAccountClosureRefused("a1", "op-2", "core-account-balance-not-zero", 4L))
                .whenTimeElapses(Duration.ZERO)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
        assertThat(core.calls()).isEmpty();
    }

    @Test
    void aRecordTypeChangeAnsweredBeforeItsAttemptIsDueIsNotSentToTheCore() throws Exception {
        core.answering(new CoreAnswer.Done<>(null));

        fixture(RecordTypeChangeSaga.class)
                .givenAPublished(new CoreRecordTypeChangeRequested("a1", "op-3", NUMBER, "SAVINGS", 4L))
                .andThenAPublished(new CoreRecordTypeChanged("a1", "op-3", "SAVINGS", 4L))
                .whenTimeElapses(Duration.ZERO)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
        assertThat(core.calls()).isEmpty();
    }

    @Test
    void theRefusalOfAnotherRequestDoesNotEndThePendingChange() throws Exception {
        core.answering(new CoreAnswer.Done<>(null));

        fixture(RecordTypeChangeSaga.class)
                .givenAPublished(new CoreRecordTypeChangeRequested("a1", "op-3", NUMBER, "SAVINGS", 4L))
                .andThenAPublished(new CoreRecordTypeChangeRefused("a1", "op-9", "BUSINESS",
                        "RECORD_TYPE_CHANGE_IN_PROGRESS: the change to SAVINGS is not answered yet", 5L))
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(new RecordCoreRecordTypeChanged("a1", "SAVINGS"));
        assertThat(core.calls()).containsExactly(new ScriptedCoreGateway.Call("change", "a1", "SAVINGS"));
    }
}
