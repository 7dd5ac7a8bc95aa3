package org.banksuite.accounts.component;

import java.util.UUID;
import org.banksuite.api.accounts.client.model.AccountAccepted;
import org.banksuite.api.accounts.client.model.AccountStatus;
import org.banksuite.api.accounts.client.model.BlockRequest;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.accounts.client.model.OpenAccountRequest;
import org.banksuite.api.accounts.client.model.RecordType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.HttpClientErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An opening whose process died after the account was stored and before its Idempotency-Key was completed: the retry
 * with the key answers that account as it is now, whatever happened to it since, and opens no second one.
 */
class IdempotentRetryIT extends ComponentTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void answersTheAccountAnEarlierAttemptStoredWhenItCrashedBeforeCompletingTheKey() {
        String key = UUID.randomUUID().toString();
        OpenAccountRequest request = new OpenAccountRequest().customerId("crash-1").currency(Currency.DKK)
                .recordType(RecordType.PERSONAL);
        UUID opened = accounts.openAccount(key, request).getAccountId();
        crashBeforeTheKeyWasCompleted(key);
        coreSays(new org.banksuite.events.partnerbank.v1.CoreAccountOpened(opened.toString(), "1234", "77001",
                java.time.Instant.now()));
        awaitAccount(opened, account -> account.getStatus() == AccountStatus.ACTIVE);
        accounts.blockAccount(opened, new BlockRequest().reason("card stolen"));
        awaitAccount(opened, account -> account.getStatus() == AccountStatus.BLOCKED);

        AccountAccepted retry = accounts.openAccount(key, request);

        assertThat(retry.getAccountId()).isEqualTo(opened);
        assertThat(retry.getStatus()).isEqualTo(AccountStatus.BLOCKED);
        assertThat(retry.getVersion()).isEqualTo(2); // opened 0, activated 1, blocked 2: the view's version now
        assertThat(accounts.listCustomerAccounts("crash-1", null, null, null).getItems()).hasSize(1);
        assertThat(jdbc.queryForObject("select state from idempotency_record where idempotency_key = ?", String.class,
                key)).isEqualTo("COMPLETED");
        AccountAccepted again = accounts.openAccount(key, request);
        assertThat(again.getAccountId()).isEqualTo(opened);
        assertThat(again.getVersion()).isEqualTo(2); // the stored answer
    }

    @Test
    void refusesAnotherBodyWithTheKeyOfACrashedOpening() {
        String key = UUID.randomUUID().toString();
        UUID opened = accounts.openAccount(key, new OpenAccountRequest().customerId("crash-2").currency(Currency.DKK)
                .recordType(RecordType.PERSONAL)).getAccountId();
        crashBeforeTheKeyWasCompleted(key);

        assertThatThrownBy(() -> accounts.openAccount(key, new OpenAccountRequest().customerId("crash-2")
                .currency(Currency.EUR).recordType(RecordType.PERSONAL)))
                .isInstanceOfSatisfying(HttpClientErrorException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(422));
        awaitAccount(opened, account -> true); // the view is asynchronous: the list reads it
        assertThat(accounts.listCustomerAccounts("crash-2", null, null, null).getItems()).extracting(a -> a.getAccountId())
                .containsExactly(opened);
    }

    /** As a kill -9 between storing the account and recording the answer leaves the key: claimed long ago. */
    private void crashBeforeTheKeyWasCompleted(String key) {
        int rows = jdbc.update("""
                update idempotency_record set state = 'IN_PROGRESS', response_status = null, response_body = null,
                  claimed_at = now() - interval '1 hour' where idempotency_key = ?""", key);
        assertThat(rows).isEqualTo(1);
    }
}
