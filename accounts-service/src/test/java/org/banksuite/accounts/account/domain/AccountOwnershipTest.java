package org.banksuite.accounts.account.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.banksuite.money.Currency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.banksuite.accounts.account.domain.AccountCommand.*;
import static org.banksuite.accounts.account.domain.AccountEvent.*;

/**
 * A customer acts on their own accounts only (issue 13): the account, which knows its owner from its opening, refuses
 * another customer's command as if it did not exist, before deciding anything else; staff act on any account.
 */
class AccountOwnershipTest {

    private static final String ID = "a1";
    private static final AccountOpened OPENED = new AccountOpened(ID, "alice", Currency.DKK, RecordType.PERSONAL);
    private static final AccountActivated ACTIVATED = new AccountActivated(ID, "1234", "0012345678");
    private static final Actor ALICE = Actor.customer("alice");
    private static final Actor BOB = Actor.customer("bob");

    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
    }

    @Test
    void refusesABlockByAnotherCustomerAsAnUnknownAccount() {
        fixture.given(OPENED, ACTIVATED)
                .when(new BlockAccount(ID, "mine now", BOB))
                .expectException(AccountNotOwnedException.class)
                .expectNoEvents();
    }

    @Test
    void refusesARecordTypeChangeByAnotherCustomer() {
        fixture.given(OPENED, ACTIVATED)
                .when(new RequestRecordTypeChange(ID, RecordType.SAVINGS, BOB))
                .expectException(AccountNotOwnedException.class)
                .expectNoEvents();
    }

    @Test
    void refusesAClosureByAnotherCustomer() {
        fixture.given(OPENED, ACTIVATED)
                .when(new RequestClosure(ID, BOB))
                .expectException(AccountNotOwnedException.class)
                .expectNoEvents();
    }

    /** Else the answer to a repeat ("already blocked": 202) would tell another customer the account's state. */
    @Test
    void refusesAnotherCustomerBeforeTellingThatTheRequestIsAlreadyInEffect() {
        fixture.given(OPENED, ACTIVATED, new AccountBlocked(ID, "fraud"), new AccountClosureRequested(ID),
                        new RecordTypeChangeRequested(ID, RecordType.PERSONAL, RecordType.SAVINGS))
                .when(new BlockAccount(ID, "again", BOB))
                .expectException(AccountNotOwnedException.class);
        fixture.given(OPENED, ACTIVATED, new AccountClosureRequested(ID))
                .when(new RequestClosure(ID, BOB))
                .expectException(AccountNotOwnedException.class);
        fixture.given(OPENED, ACTIVATED, new RecordTypeChangeRequested(ID, RecordType.PERSONAL, RecordType.SAVINGS))
                .when(new RequestRecordTypeChange(ID, RecordType.SAVINGS, BOB))
                .expectException(AccountNotOwnedException.class);
    }

    /** The owner is the aggregate's own, so an account opened a moment ago is its owner's before any view has it. */
    @Test
    void letsTheOwnerActOnTheirAccount() {
        fixture.given(OPENED, ACTIVATED)
                .when(new RequestRecordTypeChange(ID, RecordType.SAVINGS, ALICE))
                .expectEvents(new RecordTypeChangeRequested(ID, RecordType.PERSONAL, RecordType.SAVINGS));
    }

    @Test
    void letsStaffBlockAnyAccount() {
        fixture.given(OPENED, ACTIVATED)
                .when(new BlockAccount(ID, "fraud suspected", Actor.staff("support-agent")))
                .expectEvents(new AccountBlocked(ID, "fraud suspected"));
    }

    @Test
    void refusesACommandThatNamesNoActor() {
        fixture.given(OPENED, ACTIVATED)
                .when(new RequestClosure(ID, null))
                .expectException(AccountNotOwnedException.class)
                .expectNoEvents();
    }
}
