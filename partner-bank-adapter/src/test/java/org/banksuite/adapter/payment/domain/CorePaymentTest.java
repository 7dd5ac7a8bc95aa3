package org.banksuite.adapter.payment.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.banksuite.adapter.payment.domain.PaymentCommand.*;
import static org.banksuite.adapter.payment.domain.PaymentEvent.*;

class CorePaymentTest {

    private static final String ID = "t1";
    private static final PaymentCreditor CREDITOR = PaymentCreditor.bankAccount("9999", "1234567");
    private static final Money AMOUNT = Money.of("125.50", Currency.DKK);
    private static final PaymentOrderRegistered REGISTERED = new PaymentOrderRegistered(ID, "a1", CREDITOR, AMOUNT,
            "rent");
    private static final PaymentSubmissionStarted STARTED = new PaymentSubmissionStarted(ID, "op-1", "a1", CREDITOR,
            AMOUNT, "rent");

    private AggregateTestFixture<CorePayment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CorePayment.class);
    }

    @Test
    void remembersTheOrderOfARequestedTransfer() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPaymentOrder(ID, "a1", CREDITOR, AMOUNT, "rent"))
                .expectEvents(REGISTERED);
    }

    @Test
    void submitsWhatTheOrderSaid() {
        fixture.given(REGISTERED)
                .when(new SubmitPayment(ID))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(event -> event instanceof PaymentSubmissionStarted started
                                && started.creditor().equals(CREDITOR) && started.amount().equals(AMOUNT)
                                && started.text().equals("rent") && started.operationId() != null),
                        Matchers.andNoMore())));
    }

    @Test
    void submitsOnlyOnce() {
        fixture.given(REGISTERED, STARTED)
                .when(new SubmitPayment(ID))
                .expectNoEvents();
    }

    @Test
    void cannotSubmitAPaymentThatWasNeverOrdered() {
        fixture.givenNoPriorActivity()
                .when(new SubmitPayment(ID))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }

    @Test
    void recordsTheAcceptanceUnderTheSubmission() {
        fixture.given(REGISTERED, STARTED)
                .when(new RecordPaymentAccepted(ID, "p-1"))
                .expectEvents(new CorePaymentAccepted(ID, "op-1", "p-1"));
    }

    @Test
    void ignoresARepeatedAcceptance() {
        fixture.given(REGISTERED, STARTED, new CorePaymentAccepted(ID, "op-1", "p-1"))
                .when(new RecordPaymentAccepted(ID, "p-1"))
                .expectNoEvents();
    }

    @Test
    void refusesARejectionOfAnAcceptedPayment() {
        fixture.given(REGISTERED, STARTED, new CorePaymentAccepted(ID, "op-1", "p-1"))
                .when(new RecordPaymentRejected(ID, "INSUFFICIENT_FUNDS"))
                .expectException(PaymentStateConflictException.class);
    }

    @Test
    void answersAnOverdueAcceptanceAgain() {
        fixture.given(REGISTERED, STARTED, new CorePaymentAccepted(ID, "op-1", "p-1"))
                .when(new ReportPaymentAnswerOverdue(ID))
                .expectEvents(new CorePaymentAccepted(ID, "op-1", "p-1"));
    }

    @Test
    void answersAnOverdueRejectionAgain() {
        fixture.given(REGISTERED, STARTED, new CorePaymentRejected(ID, "op-1", "INSUFFICIENT_FUNDS"))
                .when(new ReportPaymentAnswerOverdue(ID))
                .expectEvents(new CorePaymentRejected(ID, "op-1", "INSUFFICIENT_FUNDS"));
    }

    @Test
    void leavesAnOverduePaymentStillBeingSubmittedToItsSaga() {
        fixture.given(REGISTERED, STARTED)
                .when(new ReportPaymentAnswerOverdue(ID))
                .expectNoEvents();
    }

    @Test
    void leavesAnOverdueAnswerForAPaymentNeverSubmittedToTheResolution() {
        fixture.given(REGISTERED)
                .when(new ReportPaymentAnswerOverdue(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void leavesAnOverdueAnswerForAPaymentNeverHeardOfToTheResolution() {
        fixture.givenNoPriorActivity()
                .when(new ReportPaymentAnswerOverdue(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void resolvesASubmissionInFlightUnderItsOperation() {
        fixture.given(REGISTERED, STARTED)
                .when(new ResolvePayment(ID, "overdue 3 times"))
                .expectEvents(new PaymentResolutionStarted(ID, "op-1", "a1", "overdue 3 times"));
    }

    @Test
    void resolvesAPaymentNeverSubmittedUnderANewOperation() {
        fixture.given(REGISTERED)
                .when(new ResolvePayment(ID, "overdue 3 times"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(event ->
                                event instanceof PaymentResolutionStarted started && started.transferId().equals(ID)
                                        && "a1".equals(started.debtorAccountId()) && started.operationId() != null),
                        Matchers.andNoMore())));
    }

    @Test
    void resolvesAPaymentItNeverHeardOf() {
        fixture.givenNoPriorActivity()
                .when(new ResolvePayment(ID, "support: customer called"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(event ->
                                event instanceof PaymentResolutionStarted started && started.transferId().equals(ID)),
                        Matchers.andNoMore())));
    }

    @Test
    void answersAResolutionOfAnAcceptedPaymentAgain() {
        fixture.given(REGISTERED, STARTED, new CorePaymentAccepted(ID, "op-1", "core-9"))
                .when(new ResolvePayment(ID, "overdue"))
                .expectEvents(new CorePaymentAccepted(ID, "op-1", "core-9"));
    }

    @Test
    void settlesAPaymentTheCoreNeverReceivedAsNotSubmitted() {
        fixture.given(REGISTERED, STARTED, new PaymentResolutionStarted(ID, "op-1", "a1", "overdue"))
                .when(new RecordPaymentNotSubmitted(ID, "NOT_SUBMITTED: unknown at the core"))
                .expectEvents(new CorePaymentNotSubmitted(ID, "op-1", "NOT_SUBMITTED: unknown at the core"));
    }

    @Test
    void aPaymentFoundNeverSubmittedIsNeverSubmittedLater() {
        fixture.given(REGISTERED, new PaymentResolutionStarted(ID, "op-2", "a1", "overdue"),
                        new CorePaymentNotSubmitted(ID, "op-2", "NOT_SUBMITTED"))
                .when(new SubmitPayment(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aReplayedOrderDoesNotReopenAPaymentFoundNeverSubmitted() {
        fixture.given(new PaymentResolutionStarted(ID, "op-2", null, "overdue"),
                        new CorePaymentNotSubmitted(ID, "op-2", "NOT_SUBMITTED"))
                .when(new RegisterPaymentOrder(ID, "a1", CREDITOR, AMOUNT, "rent"))
                .expectNoEvents();
    }

    @Test
    void noSubmissionStartsWhileThePaymentIsBeingResolved() {
        fixture.given(REGISTERED, new PaymentResolutionStarted(ID, "op-2", "a1", "overdue"))
                .when(new SubmitPayment(ID))
                .expectNoEvents();
    }

    @Test
    void refusesAnAcceptanceOfAPaymentSettledAsNeverSubmitted() {
        fixture.given(REGISTERED, new PaymentResolutionStarted(ID, "op-2", "a1", "overdue"),
                        new CorePaymentNotSubmitted(ID, "op-2", "NOT_SUBMITTED"))
                .when(new RecordPaymentAccepted(ID, "core-9"))
                .expectException(PaymentStateConflictException.class);
    }

    @Test
    void acceptsAPaymentTheResolutionFoundBookedAtTheCore() {
        fixture.given(REGISTERED, STARTED, new PaymentResolutionStarted(ID, "op-1", "a1", "overdue"))
                .when(new RecordPaymentAccepted(ID, "core-9"))
                .expectEvents(new CorePaymentAccepted(ID, "op-1", "core-9"));
    }
}
