package org.banksuite.accounts.component;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.banksuite.accounts.account.domain.AccountEvent.AccountActivated;
import org.banksuite.accounts.account.domain.AccountEvent.AccountOpened;
import org.banksuite.accounts.account.domain.RecordType;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.ops.client.DeadLettersApi;
import org.banksuite.api.ops.client.model.DeadLetterSequence;
import org.banksuite.api.ops.client.model.EvictionRequest;
import org.banksuite.api.ops.client.model.RetryOutcome;
import org.banksuite.api.ops.client.model.RetryRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.HttpClientErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An account event the projection cannot store, or the publisher cannot publish, halts nothing: it is dead-lettered for that account (processing group
 * {@code account-projection}, sequence = the account id), the account's later events wait behind it, every other
 * account keeps updating, and support sees it at {@code /ops/v1/dead-letters}, retries it after a fix or evicts it.
 * The publisher's letter holds back the account's later records, so the topic never shows that account's events out
 * of order or with a gap in {@code ce_sequence}. Automatic retries are pushed out of the way.
 */
@TestPropertySource(properties = "suite.dead-letters.first-retry-after=PT1H")
class ProcessorDeadLetterIT extends ComponentTest {

    private static final String PROJECTION = "account-projection";
    /** The support agent of these tests (role support); evictions are a support lead's. */
    private static final String SUPPORT_USER = "ops-ole";

    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    DeadLettersApi deadLetters;
    DeadLettersApi leadLetters;

    @BeforeEach
    void connectOps() {
        deadLetters = new DeadLettersApi(opsClient(issuer.support(SUPPORT_USER)));
        leadLetters = new DeadLettersApi(opsClient(issuer.supportLead()));
    }

    /** The case: PostgreSQL refuses U+0000 in a text, so the projection can never store this account. */
    @Test
    void deadLettersAnAccountWhoseTextPostgresRefusesKeepsOtherAccountsUpdatingAndEvictsItOnRequest() {
        String poisoned = UUID.randomUUID().toString();
        store(poisoned, 0, new AccountOpened(poisoned, "x\u0000y", org.banksuite.money.Currency.DKK,
                RecordType.PERSONAL));
        store(poisoned, 1, new AccountActivated(poisoned, "1234", "77"));
        UUID bystander = openActive("p-1", Currency.DKK);
        credit(bystander, "4.00", Currency.DKK);

        awaitAccount(bystander, a -> a.getBookedBalance().getAmount().equals("4.00"));
        DeadLetterSequence listed = awaitSequence(poisoned, 2);
        assertThat(listed.getProcessingGroup()).isEqualTo(PROJECTION);
        assertThat(listed.getEventType()).isEqualTo("AccountOpened");
        assertThat(listed.getCause().getMessage()).contains("0x00");
        assertThat(deadLetters.listDeadLetterSequences(null, poisoned, null, null, null, null).getItems())
                .extracting(DeadLetterSequence::getProcessingGroup).contains(PROJECTION);
        assertThatThrownBy(() -> accounts.getAccount(UUID.fromString(poisoned), null))
                .isInstanceOf(HttpClientErrorException.NotFound.class);

        assertThat(deadLetters.getDeadLetterSequence(poisoned, PROJECTION).getLetters().getFirst().getPayload())
                .containsEntry("customerId", "***").containsEntry("accountId", poisoned);
        assertThat(leadLetters.getDeadLetterSequence(poisoned, PROJECTION).getLetters().getFirst().getPayload())
                .containsEntry("customerId", "x\u0000y");

        RetryOutcome stillFailing = deadLetters.retryDeadLetterSequence(poisoned, PROJECTION, null);
        assertThat(stillFailing.getOutcome()).isEqualTo(RetryOutcome.OutcomeEnum.STILL_FAILING);
        leadLetters.evictDeadLetterSequence(poisoned,
                new EvictionRequest().reason("customer id with a NUL, account re-opened by the BFF"), PROJECTION);

        assertThat(listed(poisoned)).isEmpty();
        credit(bystander, "1.00", Currency.DKK);
        awaitAccount(bystander, a -> a.getBookedBalance().getAmount().equals("5.00"));
    }

    @Test
    void retriesADeadLetteredAccountInOrderOnceTheCauseIsFixed() {
        jdbc.execute("alter table account_view add constraint refuses_one_customer"
                + " check (customer_id <> 'refused-customer')");
        UUID account;
        try {
            account = open("refused-customer", Currency.DKK);
            coreSays(new org.banksuite.events.partnerbank.v1.CoreAccountOpened(account.toString(), "1234", "4711",
                    java.time.Instant.now()));
            awaitSequence(account.toString(), 2);
            UUID bystander = openActive("p-2", Currency.DKK);
            assertThat(accounts.getAccount(bystander, null).getStatus().getValue()).isEqualTo("ACTIVE");
        } finally {
            jdbc.execute("alter table account_view drop constraint refuses_one_customer");
        }

        RetryOutcome processed = deadLetters.retryDeadLetterSequence(account.toString(), PROJECTION,
                new RetryRequest().reason("constraint dropped"));

        assertThat(processed.getOutcome()).isEqualTo(RetryOutcome.OutcomeEnum.PROCESSED);
        assertThat(accounts.getAccount(account, null).getStatus().getValue()).isEqualTo("ACTIVE");
        assertThat(listed(account.toString())).isEmpty();
    }

    @Test
    void holdsBackTheRecordsOfAnAccountWhoseEventCannotBePublishedWhileOtherAccountsArePublished() {
        String unpublishable = UUID.randomUUID().toString();
        store(unpublishable, 0, new AccountOpened(unpublishable, null, org.banksuite.money.Currency.DKK,
                RecordType.PERSONAL));
        store(unpublishable, 1, new AccountActivated(unpublishable, "1234", "78"));
        UUID bystander = openActive("p-3", Currency.DKK);

        assertThat(accountEvents(bystander, 2)).extracting(record -> header(record, "ce_sequence"))
                .containsExactly("0", "1");
        DeadLetterSequence listed = await().atMost(PATIENCE).until(
                () -> deadLetters.listDeadLetterSequences("account-publisher", unpublishable, null, null, null, null)
                        .getItems(), items -> items.size() == 1 && items.getFirst().getLetters() == 2).getFirst();
        assertThat(listed.getEventType()).isEqualTo("AccountOpened");
        assertThat(accountsTopic.settle(record -> unpublishable.equals(record.key()), Duration.ofSeconds(2)))
                .isEmpty();
    }

    private void store(String accountId, long sequence, Object event) {
        eventStore.publish(new GenericDomainEventMessage<>("Account", accountId, sequence, event));
    }

    private DeadLetterSequence awaitSequence(String entityId, long letters) {
        return await().atMost(PATIENCE).until(() -> listed(entityId),
                        listed -> listed.size() == 1 && listed.getFirst().getLetters() == letters)
                .getFirst();
    }

    private List<DeadLetterSequence> listed(String entityId) {
        return deadLetters.listDeadLetterSequences(PROJECTION, entityId, null, null, null, null).getItems();
    }
}
