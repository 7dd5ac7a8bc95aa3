package org.banksuite.reconciliation.ledger.domain;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatchGroupTest {

    @Test
    void isBalancedWhenTheSuiteBookedTheEntryOnceWithItsAmount() {
        assertThat(group(1, "-40.00", 1, "-40.00").discrepancy()).isEmpty();
    }

    @Test
    void comparesAmountsByValueNotScale() {
        assertThat(group(1, "-40.00", 1, "-40").discrepancy()).isEmpty();
    }

    @Test
    void findsACoreEntryTheSuiteDidNotBook() {
        assertThat(group(1, "-40.00", 0, "0").discrepancy()).contains(MismatchKind.UNBOOKED_CORE_ENTRY);
    }

    @Test
    void findsAPostingWithoutCoreEntry() {
        assertThat(group(0, "0", 1, "-40.00").discrepancy()).contains(MismatchKind.POSTING_WITHOUT_CORE_ENTRY);
    }

    @Test
    void findsAnEntryBookedTwiceInTheSuite() {
        assertThat(group(1, "-40.00", 2, "-80.00").discrepancy()).contains(MismatchKind.POSTING_WITHOUT_CORE_ENTRY);
    }

    @Test
    void findsAnEntryBookedWithAnotherAmount() {
        assertThat(group(1, "-40.00", 1, "-4.00").discrepancy()).contains(MismatchKind.AMOUNT_MISMATCH);
    }

    @Test
    void reportsBothAmounts() {
        Discrepancy discrepancy = group(1, "-40.00", 0, "0").asDiscrepancy().orElseThrow();

        assertThat(discrepancy.coreAmount()).isEqualByComparingTo("-40.00");
        assertThat(discrepancy.suiteAmount()).isEqualByComparingTo("0");
        assertThat(discrepancy.reference()).isEqualTo("t-1/debit");
    }

    private static MatchGroup group(int coreCount, String coreSum, int suiteCount, String suiteSum) {
        return new MatchGroup("a-1", "t-1/debit", "DKK", coreCount, new BigDecimal(coreSum), suiteCount,
                new BigDecimal(suiteSum));
    }
}
