package org.banksuite.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money in JSON as the suite writes it: {@code {"amount": "125.50", "currency": "DKK"}}. */
public record MoneyJson(String amount, String currency) {

    static MoneyJson of(BigDecimal amount, String currency) {
        return new MoneyJson(amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString(), currency);
    }

    /** The amount, exactly two decimals at most, positive; anything else is an invalid request. */
    BigDecimal positiveAmount() {
        if (amount == null || currency == null || !currency.matches("[A-Z]{3}")) {
            throw SimulatorProblem.invalid("amount needs an amount and a three-letter currency");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount);
        } catch (NumberFormatException e) {
            throw SimulatorProblem.invalid("amount '" + amount + "' is not a decimal number");
        }
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 2) {
            throw SimulatorProblem.invalid("amount must be positive with at most two decimals");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
