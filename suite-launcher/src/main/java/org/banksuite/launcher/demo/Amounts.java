package org.banksuite.launcher.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as the APIs carry them: decimal strings with two decimals. */
public final class Amounts {

    private Amounts() {
    }

    public static BigDecimal of(String amount) {
        return new BigDecimal(amount).setScale(2, RoundingMode.UNNECESSARY);
    }

    public static String text(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    public static boolean same(String apiAmount, BigDecimal expected) {
        return apiAmount != null && new BigDecimal(apiAmount).compareTo(expected) == 0;
    }
}
