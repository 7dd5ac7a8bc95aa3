package org.banksuite.events;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class AmountTest {

    @Test
    void keepsTheDecimalStringExactly() {
        Amount amount = new Amount("125.50", "DKK");

        assertThat(amount.amount()).isEqualTo("125.50");
        assertThat(amount.decimal()).isEqualByComparingTo("125.5").hasScaleOf(2);
    }

    @Test
    void acceptsNegativeSignedAmounts() {
        Amount debit = new Amount("-40.00", "EUR");

        assertThat(debit.decimal()).isEqualByComparingTo("-40");
    }

    @Test
    void rejectsMoreThanTwoDecimals() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Amount("12.345", "DKK"));
    }

    @Test
    void rejectsFewerThanTwoDecimals() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Amount("12.5", "DKK"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Amount("12", "DKK"));
    }

    @Test
    void rejectsNonDecimals() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Amount("12,50", "DKK"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Amount("1e3", "DKK"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Amount("+1.00", "DKK"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Amount(" 1.00", "DKK"));
    }

    @Test
    void rejectsUnknownCurrency() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Amount("1.00", "USD"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Amount("1.00", "dkk"));
    }

    @Test
    void rejectsNulls() {
        assertThatNullPointerException().isThrownBy(() -> new Amount(null, "DKK"));
        assertThatNullPointerException().isThrownBy(() -> new Amount("1.00", null));
    }

    @Test
    void normalisesDecimalsToScaleTwo() {
        assertThat(Amount.of(new BigDecimal("125.5"), "DKK")).isEqualTo(new Amount("125.50", "DKK"));
        assertThat(Amount.of(new BigDecimal("7"), "SEK")).isEqualTo(new Amount("7.00", "SEK"));
        assertThat(Amount.of(new BigDecimal("-40.000"), "NOK")).isEqualTo(new Amount("-40.00", "NOK"));
        assertThat(Amount.of(new BigDecimal("1E+3"), "EUR")).isEqualTo(new Amount("1000.00", "EUR"));
    }

    @Test
    void neverRoundsAnOverPreciseDecimal() {
        assertThatIllegalArgumentException().isThrownBy(() -> Amount.of(new BigDecimal("12.345"), "DKK"));
        assertThatIllegalArgumentException().isThrownBy(() -> Amount.of(new BigDecimal("0.001"), "DKK"));
    }

    @Test
    void roundTripsThroughBigDecimal() {
        Amount amount = new Amount("-0.05", "DKK");

        assertThat(Amount.of(amount.decimal(), amount.currency())).isEqualTo(amount);
    }

    @Test
    void serialisesAsDecimalStringAndCurrencyOnly() {
        String json = EventJson.mapper().writeValueAsString(new Amount("125.50", "DKK"));

        assertThat(json).isEqualTo("{\"amount\":\"125.50\",\"currency\":\"DKK\"}");
    }
}
