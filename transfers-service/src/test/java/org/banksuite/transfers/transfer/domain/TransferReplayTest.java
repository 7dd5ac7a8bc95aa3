package org.banksuite.transfers.transfer.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.banksuite.transfers.transfer.domain.RejectionReason.*;
import static org.banksuite.transfers.transfer.domain.TransferCommand.*;
import static org.banksuite.transfers.transfer.domain.TransferEvent.*;

/**
 * Answers of accounts-service and the core replayed by support (or redelivered) after the transfer moved on: each is
 * the command its inbound translation sends, and none changes a transfer that has moved past it, or fails.
 */
class TransferReplayTest {

    private static final String ID = "t1";
    private static final String DEBTOR = "a1";
    private static final Creditor CREDITOR = Creditor.bankAccount("1234", "0012345678");
    private static final Money AMOUNT = Money.of("125.50", Currency.DKK);

    private static final TransferRequested REQUESTED = new TransferRequested(ID, DEBTOR, CREDITOR, AMOUNT, "rent",
            "rent March", null);
    private static final TransferFundsReserved RESERVED = new TransferFundsReserved(ID, DEBTOR, AMOUNT);
    private static final TransferSubmitted SUBMITTED = new TransferSubmitted(ID, DEBTOR);
    private static final TransferBooked BOOKED = new TransferBooked(ID, DEBTOR, CREDITOR, AMOUNT, "rent", "rent March",
            "core-42");
    private static final TransferRejected REJECTED_BY_CORE = new TransferRejected(ID, DEBTOR, CORE_REJECTED,
            "INSUFFICIENT_FUNDS", true);
    private static final TransferRejected DECLINED = new TransferRejected(ID, DEBTOR, INSUFFICIENT_FUNDS,
            "the debtor account declined the reservation: INSUFFICIENT_FUNDS", false);

    private FixtureConfiguration<Transfer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Transfer.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aReplayedFundsReservedOfATransferTheCoreRejectedChangesNothing() {
        fixture.given(REQUESTED, RESERVED, SUBMITTED, REJECTED_BY_CORE)
                .when(new ConfirmFundsReserved(ID))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aReplayedFundsReservedOfABookedTransferChangesNothing() {
        fixture.given(REQUESTED, RESERVED, SUBMITTED, BOOKED)
                .when(new ConfirmFundsReserved(ID))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aReplayedDeclineOfARejectedTransferChangesNothing() {
        fixture.given(REQUESTED, DECLINED)
                .when(new RejectTransfer(ID, INSUFFICIENT_FUNDS, "the debtor account declined the reservation"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aReplayedPaymentAcceptanceOfABookedTransferChangesNothing() {
        fixture.given(REQUESTED, RESERVED, SUBMITTED, BOOKED)
                .when(new BookTransfer(ID, "core-42"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aReplayedPaymentRejectionOfARejectedTransferChangesNothing() {
        fixture.given(REQUESTED, RESERVED, SUBMITTED, REJECTED_BY_CORE)
                .when(new RejectTransfer(ID, CORE_REJECTED, "INSUFFICIENT_FUNDS"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }
}
