package org.banksuite.accounts.component;

import java.time.Instant;
import java.util.UUID;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.accounts.client.model.RecordType;
import org.banksuite.api.accounts.client.model.RecordTypeChangeRequest;
import org.banksuite.events.partnerbank.v1.CoreRecordTypeChanged;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Values of enum-like fields that another service added later pass through without stopping anything. */
class ForeignValuesIT extends ComponentTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void keepsTheChangePendingWhenTheCoreReportsARecordTypeThisVersionDoesNotKnow() {
        UUID id = openActive("foreign-1", Currency.DKK);
        accounts.requestRecordTypeChange(id, new RecordTypeChangeRequest().recordType(RecordType.SAVINGS));
        awaitAccount(id, account -> account.getPendingRecordType() == RecordType.SAVINGS);

        coreSays(new CoreRecordTypeChanged(id.toString(), "TRUST", Instant.now()));
        coreSays(new CoreRecordTypeChanged(id.toString(), "SAVINGS", Instant.now()));

        awaitAccount(id, account -> account.getRecordType() == RecordType.SAVINGS
                && account.getPendingRecordType() == null);
        assertThat(jdbc.queryForObject("select count(*) from deadletterentry where sequenceidentifier = ?",
                Long.class, id.toString())).isZero();
    }
}
