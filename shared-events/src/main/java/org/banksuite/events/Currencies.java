package org.banksuite.events;

import java.util.Objects;
import java.util.Set;

/** The ISO 4217 currencies the suite holds accounts in: DKK, EUR, SEK and NOK. */
public final class Currencies {

    /** Every supported currency code. */
    public static final Set<String> SUPPORTED = Set.of("DKK", "EUR", "SEK", "NOK");

    private Currencies() {
    }

    /** Returns {@code currency} if it is supported, else throws {@link IllegalArgumentException}. */
    public static String requireSupported(String currency) {
        Objects.requireNonNull(currency, "currency");
        if (!SUPPORTED.contains(currency)) {
            throw new IllegalArgumentException("currency must be one of DKK, EUR, SEK, NOK, got '" + currency + "'");
        }
        return currency;
    }
}
