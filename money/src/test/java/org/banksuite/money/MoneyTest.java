package org.banksuite.money;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void keepsTwoDecimals() {
        assertThat(Money.of("125.5", Currency.DKK).toPlainString()).isEqualTo("125.50");
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHasInsteadOfRounding() {
        assertThatThrownBy(() -> Money.of("0.005", Currency.DKK)).isInstanceOf(InvalidAmountException.class);
    }

    @Test
    void refusesTextThatIsNoAmount() {
        assertThatThrownBy(() -> Money.of("12,50", Currency.DKK)).isInstanceOf(InvalidAmountException.class);
    }

    @Test
    void addsAndSubtractsExactly() {
        Money sum = Money.of("0.10", Currency.EUR).plus(Money.of("0.20", Currency.EUR));
        assertThat(sum).isEqualTo(Money.of("0.30", Currency.EUR));
        assertThat(sum.minus(Money.of("0.30", Currency.EUR)).isZero()).isTrue();
    }

    @Test
    void refusesToCombineCurrencies() {
        assertThatThrownBy(() -> Money.of("1.00", Currency.DKK).plus(Money.of("1.00", Currency.SEK)))
                .isInstanceOf(InvalidAmountException.class);
    }
}
