package org.banksuite.adapter.payment.saga;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.saga.SagaTestFixture;
import org.banksuite.adapter.core.CoreAccess;
import org.banksuite.adapter.core.CoreAccountNumber;
import org.banksuite.adapter.core.CoreAnswer;
import org.banksuite.adapter.core.CorePaymentResult;
import org.banksuite.adapter.core.CoreRetries;
import org.banksuite.adapter.core.PaymentInstruction;
import org.banksuite.adapter.core.ScriptedCoreGateway;
import org.banksuite.adapter.payment.domain.PaymentCreditor;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banksuite.adapter.payment.domain.PaymentCommand.*;
import static org.banksuite.adapter.payment.domain.PaymentEvent.*;
import static org.banksuite.adapter.payment.saga.PaymentSaga.ATTEMPT;

class PaymentSagaTest {

    private static final String TRANSFER = "t1";
    private static final String DEBTOR = "a1";
    private static final String CREDITOR = "a2";
    private static final CoreAccountNumber DEBTOR_NUMBER = new CoreAccountNumber("1234", "1000001");
    private static final CoreAccountNumber CREDITOR_NUMBER = new CoreAccountNumber("1234", "1000002");
    private static final Money AMOUNT = Money.of("125.50", Currency.DKK);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    private static final PaymentSubmissionStarted STARTED = new PaymentSubmissionStarted(TRANSFER, "op-1", DEBTOR,
            PaymentCreditor.suiteAccount(CREDITOR), AMOUNT, "rent");

    private static final CoreAnswer<CorePaymentResult> ACCEPTED =
            new CoreAnswer.Done<>(new CorePaymentResult("p-1", true, null));
    private static final CoreAnswer<CorePaymentResult> LOST = new CoreAnswer.Unknown<>("no answer: connection reset");
    private static final CoreAnswer<CorePaymentResult> NEVER_BOOKED =
            new CoreAnswer.Refused<>(404, "core-payment-not-found: no payment with this key");

    private final ScriptedCoreGateway core = new ScriptedCoreGateway();
    private final Map<String, CoreAccountNumber> numbers = new java.util.HashMap<>(Map.of(DEBTOR, DEBTOR_NUMBER,
            CREDITOR, CREDITOR_NUMBER));
    private SagaTestFixture<PaymentSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PaymentSaga.class);
        fixture.registerResource(new CoreAccess(core, accountId -> Optional.ofNullable(numbers.get(accountId)),
                new CoreRetries(FIRST_BACKOFF, Duration.ofMinutes(5), 10)));
    }

    @Test
    void callsTheCoreOnlyInTheAttemptDueAtOnceNotWhileHandlingTheEvent() throws Exception {
        fixture.givenNoPriorActivity()
                .whenPublishingA(STARTED)
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ZERO, ATTEMPT)
                .expectNoDispatchedCommands();
        assertThat(core.calls()).isEmpty();
    }

    @Test
    void submitsUnderTheTransferIdAndRecordsTheCoresAcceptance() throws Exception {
        core.answering(ACCEPTED);

        fixture.givenAPublished(STARTED)
                .whenTimeElapses(Duration.ZERO)
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RecordPaymentAccepted(TRANSFER, "p-1"));
        assertThat(core.calls()).containsExactly(new ScriptedCoreGateway.Call("submit", TRANSFER,
                new PaymentInstruction(DEBTOR_NUMBER, CREDITOR_NUMBER, AMOUNT, "rent")));
    }

    @Test
    void recordsTheCoresRejectionWithItsReason() throws Exception {
        core.answering(new CoreAnswer.Done<>(new CorePaymentResult("p-1", false, "INSUFFICIENT_FUNDS")));

        fixture.givenAPublished(STARTED)
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(new RecordPaymentRejected(TRANSFER, "INSUFFICIENT_FUNDS"));
    }

    @Test
    void rejectsThePaymentTheProxyRefuses() throws Exception {
        core.answering(new CoreAnswer.Refused<>(422, "invalid-request: text is too long"));

        fixture.givenAPublished(STARTED)
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(new RecordPaymentRejected(TRANSFER, "invalid-request: text is too long"));
    }

    @Test
    void takesThePaymentTheCoreHoldsUnderTheKeyWhenItSaysTheKeyWasUsedBefore() throws Exception {
        core.answering(new CoreAnswer.Refused<>(422, "idempotency-key-reused: another body"), ACCEPTED);

        fixture.givenAPublished(STARTED)
                .andThenTimeElapses(Duration.ZERO)
                .whenTimeElapses(FIRST_BACKOFF)
                .expectDispatchedCommands(new RecordPaymentAccepted(TRANSFER, "p-1"));
        assertThat(core.callNames()).containsExactly("submit t1", "find t1");
    }

    @Test
    void waitsAsLongAsRetryAfterSaysWhenThePaymentIsNotServed() throws Exception {
        core.answering(new CoreAnswer.RetryLater<>(Duration.ofSeconds(30), "HTTP 429 proxy-quota-exhausted"));

        fixture.givenAPublished(STARTED)
                .whenTimeElapses(Duration.ZERO)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(30), ATTEMPT);
    }

    @Test
    void submitsAgainOnceRetryAfterHasPassed() throws Exception {
        core.answering(new CoreAnswer.RetryLater<>(Duration.ofSeconds(30), "HTTP 503 proxy-lane-full"), ACCEPTED);

        fixture.givenAPublished(STARTED)
                .andThenTimeElapses(Duration.ZERO)
                .whenTimeElapses(Duration.ofSeconds(30))
                .expectDispatchedCommands(new RecordPaymentAccepted(TRANSFER, "p-1"));
        assertThat(core.callNames()).containsExactly("submit t1", "submit t1");
    }

    @Test
    void doesNotSubmitAgainBeforeRetryAfterHasPassed() throws Exception {
        core.answering(new CoreAnswer.RetryLater<>(Duration.ofSeconds(30), "HTTP 429 proxy-quota-exhausted"));

        fixture.givenAPublished(STARTED)
                .andThenTimeElapses(Duration.ZERO)
                .whenTimeElapses(Duration.ofSeconds(29))
                .expectNoDispatchedCommands();
        assertThat(core.callNames()).containsExactly("submit t1");
    }

    @Test
    void asksForTheStatusAfterAnAmbiguousAnswerInsteadOfSubmittingAgain() throws Exception {
        core.answering(LOST, ACCEPTED);

        fixture.givenAPublished(STARTED)
                .andThenTimeElapses(Duration.ZERO)
                .whenTimeElapses(FIRST_BACKOFF)
                .expectDispatchedCommands(new RecordPaymentAccepted(TRANSFER, "p-1"));
        assertThat(core.callNames()).containsExactly("submit t1", "find t1");
    }

    @Test
    void asksForTheStatusOnlyAfterTheBackOff() throws Exception {
        core.answering(LOST);

        fixture.givenAPublished(STARTED)
                .whenTimeElapses(Duration.ZERO)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(FIRST_BACKOFF, ATTEMPT);
    }

    @Test
    void submitsAgainWithTheSameKeyWhenTheCoreNeverSawThePayment() throws Exception {
        core.answering(LOST, NEVER_BOOKED, ACCEPTED);

        fixture.givenAPublished(STARTED)
                .andThenTimeElapses(Duration.ZERO)
                .whenTimeElapses(FIRST_BACKOFF)
                .expectDispatchedCommands(new RecordPaymentAccepted(TRANSFER, "p-1"));
        assertThat(core.callNames()).containsExactly("submit t1", "find t1", "submit t1");
    }

    @Test
    void keepsAskingForTheStatusWhileItStaysUnknown() throws Exception {
        core.answering(LOST, new CoreAnswer.Unknown<>("HTTP 504 core-timeout"));

        fixture.givenAPublished(STARTED)
                .andThenTimeElapses(Duration.ZERO)
                .whenTimeElapses(FIRST_BACKOFF)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(FIRST_BACKOFF.multipliedBy(2), ATTEMPT);
        assertThat(core.callNames()).containsExactly("submit t1", "find t1");
    }

    @Test
    void rejectsAPaymentToASuiteAccountThatIsNotOpenAtTheCore() throws Exception {
        numbers.remove(CREDITOR);

        fixture.givenAPublished(STARTED)
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(new RecordPaymentRejected(TRANSFER,
                        "CREDITOR_ACCOUNT_UNKNOWN: account a2 is not open at the core"));
        assertThat(core.calls()).isEmpty();
    }

    @Test
    void paysAnAccountAtAnotherBankByItsNumber() throws Exception {
        core.answering(ACCEPTED);
        CoreAccountNumber elsewhere = new CoreAccountNumber("9999", "1234567");

        fixture.givenAPublished(new PaymentSubmissionStarted(TRANSFER, "op-1", DEBTOR,
                        PaymentCreditor.bankAccount("9999", "1234567"), AMOUNT, "rent"))
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(new RecordPaymentAccepted(TRANSFER, "p-1"));
        assertThat(core.calls().getFirst().detail())
                .isEqualTo(new PaymentInstruction(DEBTOR_NUMBER, elsewhere, AMOUNT, "rent"));
    }

    @Test
    void waitsForTheDebtorsCoreNumberWithoutCallingTheCore() throws Exception {
        numbers.remove(DEBTOR);

        fixture.givenAPublished(STARTED)
                .whenTimeElapses(Duration.ZERO)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(FIRST_BACKOFF, ATTEMPT);
        assertThat(core.calls()).isEmpty();
    }

    @Test
    void endsWithTheCoresAnswerAndCancelsThePendingRetry() throws Exception {
        core.answering(LOST);

        fixture.givenAPublished(STARTED)
                .andThenTimeElapses(Duration.ZERO)
                .whenPublishingA(new CorePaymentAccepted(TRANSFER, "op-1", "p-1"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    private static PaymentResolutionStarted resolution(String operationId) {
        return new PaymentResolutionStarted(TRANSFER, operationId, DEBTOR, "overdue 3 times");
    }

    @Test
    void asksTheCoreAndSettlesAPaymentItNeverReceivedAsNotSubmitted() throws Exception {
        core.answering(NEVER_BOOKED);

        fixture.givenAPublished(resolution("op-9"))
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(new RecordPaymentNotSubmitted(TRANSFER,
                        "NOT_SUBMITTED: the core has no payment under this transfer's key; it will never be submitted"));
        assertThat(core.callNames()).containsExactly("find t1");
    }

    @Test
    void acceptsAPaymentTheResolutionFindsBookedAtTheCore() throws Exception {
        core.answering(ACCEPTED);

        fixture.givenAPublished(resolution("op-9"))
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(new RecordPaymentAccepted(TRANSFER, "p-1"));
    }

    @Test
    void aResolutionStopsASubmissionInFlightFromSubmittingAgain() throws Exception {
        core.answering(LOST, NEVER_BOOKED);

        fixture.givenAPublished(STARTED)
                .andThenTimeElapses(Duration.ZERO)
                .andThenAPublished(resolution("op-1"))
                .whenTimeElapses(FIRST_BACKOFF)
                .expectDispatchedCommands(new RecordPaymentNotSubmitted(TRANSFER,
                        "NOT_SUBMITTED: the core has no payment under this transfer's key; it will never be submitted"));
        assertThat(core.callNames()).containsExactly("submit t1", "find t1");
    }

    @Test
    void keepsAskingWhileTheCoresAnswerToTheResolutionIsUnknown() throws Exception {
        core.answering(LOST);

        fixture.givenAPublished(resolution("op-9"))
                .whenTimeElapses(Duration.ZERO)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(FIRST_BACKOFF, ATTEMPT);
    }

    @Test
    void endsWhenThePaymentIsSettledAsNotSubmitted() throws Exception {
        core.answering(NEVER_BOOKED);

        fixture.givenAPublished(resolution("op-9"))
                .whenPublishingA(new CorePaymentNotSubmitted(TRANSFER, "op-9", "NOT_SUBMITTED"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
