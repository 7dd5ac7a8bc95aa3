package org.banksuite.events;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount of money as it travels in events: {@code {"amount": "125.50", "currency": "DKK"}}.
 *
 * <p>{@code amount} is a decimal string with exactly two decimals, signed where the event says so
 * ({@code "-40.00"} for a debit). {@code currency} is one of {@link Currencies#SUPPORTED}. The string is
 * kept exactly as given; no floating point is ever involved.
 *
 * @param amount   decimal string matching {@code -?[0-9]+\.[0-9]{2}}
 * @param currency ISO 4217 code: DKK, EUR, SEK or NOK
 */
public record Amount(String amount, String currency) {

    private static final Pattern TWO_DECIMALS = Pattern.compile("-?[0-9]+\\.[0-9]{2}");

    public Amount {
        Objects.requireNonNull(amount, "amount");
        if (!TWO_DECIMALS.matcher(amount).matches()) {
            throw new IllegalArgumentException(
                    "amount must be a decimal string with exactly 2 decimals like \"125.50\", got '" + amount + "'");
        }
        Currencies.requireSupported(currency);
    }

    /**
     * The amount of {@code value}, written with exactly two decimals. Never rounds: a value that needs more
     * than two decimals ({@code 12.345}) is rejected, while {@code 12.5} and {@code 12.500} become {@code "12.50"}.
     */
    public static Amount of(BigDecimal value, String currency) {
        Objects.requireNonNull(value, "value");
        BigDecimal scaled;
        try {
            scaled = value.setScale(2);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount has more than 2 decimals: " + value.toPlainString(), e);
        }
        return new Amount(scaled.toPlainString(), currency);
    }

    /** The amount as a {@link BigDecimal} of scale 2. */
    public BigDecimal decimal() {
        return new BigDecimal(amount);
    }
}
