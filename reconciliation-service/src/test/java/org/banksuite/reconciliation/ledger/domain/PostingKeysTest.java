package org.banksuite.reconciliation.ledger.domain;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostingKeysTest {

    @Test
    void matchesAnEntryWithoutPaymentKeyOnItsEntryId() {
        assertThat(PostingKeys.ofCoreEntry("17", null, new BigDecimal("100.00"))).isEqualTo("core:17");
    }

    @Test
    void matchesADebitWithPaymentKeyOnTheTransfersDebitPosting() {
        assertThat(PostingKeys.ofCoreEntry("18", "t-1", new BigDecimal("-40.00"))).isEqualTo("t-1/debit");
    }

    @Test
    void matchesACreditWithPaymentKeyOnTheTransfersCreditPosting() {
        assertThat(PostingKeys.ofCoreEntry("19", "t-1", new BigDecimal("40.00"))).isEqualTo("t-1/credit");
    }
}
