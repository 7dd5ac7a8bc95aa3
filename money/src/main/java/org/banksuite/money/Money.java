package org.banksuite.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact amount in one currency, always at the currency's two minor digits. Never rounds: an amount
 * with more decimals than the currency has is refused.
 */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = atMinorDigits(amount);
    }

    public static Money of(String amount, Currency currency) {
        try {
            return new Money(new BigDecimal(amount), currency);
        } catch (NumberFormatException e) {
            throw new InvalidAmountException("'" + amount + "' is not a decimal amount");
        }
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negated() {
        return new Money(amount.negate(), currency);
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isLessThan(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount) < 0;
    }

    /** The amount as a plain decimal string with two decimals, e.g. {@code -40.00}. */
    public String toPlainString() {
        return amount.toPlainString();
    }

    private void requireSameCurrency(Money other) {
        if (other.currency != currency) {
            throw new InvalidAmountException("cannot combine " + currency + " with " + other.currency);
        }
    }

    private static BigDecimal atMinorDigits(BigDecimal amount) {
        try {
            return amount.setScale(Currency.MINOR_DIGITS, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new InvalidAmountException(amount.toPlainString() + " has more than "
                    + Currency.MINOR_DIGITS + " decimals");
        }
    }
}
