package org.banksuite.adapter.account.saga;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.saga.SagaTestFixture;
import org.banksuite.adapter.account.sync.EntriesUpToClosure;
import org.banksuite.adapter.account.sync.SyncOutcome;
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
import static org.banksuite.adapter.account.saga.CloseAccountSaga.ATTEMPT;

class CloseAccountSagaTest {

    private static final CoreAccountNumber NUMBER = new CoreAccountNumber("1234", "1000001");
    private static final CoreAccountClosureRequested REQUESTED = new CoreAccountClosureRequested("a1", "op-2", NUMBER);

    private final ScriptedCoreGateway core = new ScriptedCoreGateway();
    private SagaTestFixture<CloseAccountSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(CloseAccountSaga.class);
        fixture.registerResource(new CoreAccess(core, accountId -> Optional.empty(),
                new CoreRetries(Duration.ofSeconds(2), Duration.ofMinutes(5), 10)));
        fixture.registerResource(entries);
    }

    /** The entry sync as the saga sees it: each call takes the next scripted outcome (caught up when none is left). */
    private final Deque<SyncOutcome> syncOutcomes = new ArrayDeque<>();
    private final List<String> syncs = new ArrayList<>();
    private final EntriesUpToClosure entries = (accountId, number) -> {
        syncs.add(accountId + " " + number.accountNumber());
        return syncOutcomes.isEmpty() ? SyncOutcome.CAUGHT_UP : syncOutcomes.poll();
    };

    @Test
    void takesTheEntriesUpToTheClosureBeforeRecordingIt() throws Exception {
        core.answering(new CoreAnswer.Done<>(null));

        fixture.givenAPublished(REQUESTED)
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(new RecordCoreAccountClosed("a1"));
        assertThat(syncs).containsExactly("a1 1000001");
    }

    @Test
    void waitsForTheEntriesWithoutClosingAgainWhenTheCoreDoesNotHandThemOver() throws Exception {
        core.answering(new CoreAnswer.Done<>(null));
        syncOutcomes.add(SyncOutcome.runAgainAfter(Duration.ofSeconds(30)));

        fixture.givenAPublished(REQUESTED)
                .andThenTimeElapses(Duration.ZERO)
                .whenTimeElapses(Duration.ofSeconds(30))
                .expectDispatchedCommands(new RecordCoreAccountClosed("a1"));
        assertThat(core.callNames()).containsExactly("close a1");
        assertThat(syncs).hasSize(2);
    }

    @Test
    void doesNotRecordTheClosureWhileItsEntriesAreMissing() throws Exception {
        core.answering(new CoreAnswer.Done<>(null));
        syncOutcomes.add(SyncOutcome.runAgainAfter(Duration.ofSeconds(30)));

        fixture.givenAPublished(REQUESTED)
                .whenTimeElapses(Duration.ZERO)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(30), ATTEMPT);
    }

    @Test
    void closesTheAccountByItsCoreNumberAndRecordsTheClosure() throws Exception {
        core.answering(new CoreAnswer.Done<>(null));

        fixture.givenAPublished(REQUESTED)
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(new RecordCoreAccountClosed("a1"));
        assertThat(core.calls()).containsExactly(new ScriptedCoreGateway.Call("close", "a1", NUMBER));
    }

    @Test
    void recordsTheRefusalOfAnAccountWhoseBalanceIsNotZero() throws Exception {
        core.answering(new CoreAnswer.Refused<>(409, "core-account-balance-not-zero: the balance is 10.00 DKK"));

        fixture.givenAPublished(REQUESTED)
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(new RefuseCoreAccountClosure("a1",
                        "core-account-balance-not-zero: the balance is 10.00 DKK"));
    }

    @Test
    void recordsTheRefusalOfAnAccountTheCoreDoesNotKnow() throws Exception {
        core.answering(new CoreAnswer.Refused<>(404, "core-account-not-found"));

        fixture.givenAPublished(REQUESTED)
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(new RefuseCoreAccountClosure("a1", "core-account-not-found"));
    }

    @Test
    void closesAgainWhenRetryAfterHasPassed() throws Exception {
        core.answering(new CoreAnswer.RetryLater<>(Duration.ofSeconds(7), "HTTP 503"), new CoreAnswer.Done<>(null));

        fixture.givenAPublished(REQUESTED)
                .andThenTimeElapses(Duration.ZERO)
                .whenTimeElapses(Duration.ofSeconds(7))
                .expectDispatchedCommands(new RecordCoreAccountClosed("a1"));
    }

    @Test
    void waitsAsLongAsRetryAfterSays() throws Exception {
        core.answering(new CoreAnswer.RetryLater<>(Duration.ofSeconds(7), "HTTP 429"));

        fixture.givenAPublished(REQUESTED)
                .whenTimeElapses(Duration.ZERO)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(7), ATTEMPT)
                .expectNoDispatchedCommands();
    }

    @Test
    void endsWhenTheClosureIsRefused() throws Exception {
        core.answering(new CoreAnswer.Unknown<>("HTTP 504"));

        fixture.givenAPublished(REQUESTED)
                .andThenTimeElapses(Duration.ZERO)
                .whenPublishingA(new CoreAccountClosureRefused("a1", "op-2", "no"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
