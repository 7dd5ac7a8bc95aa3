package org.banksuite.events.accounts.v1;

import java.time.Instant;

import org.banksuite.events.Currencies;
import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * A customer's account was opened in the suite and awaits activation at the core; the partner-bank adapter
 * reacts by opening the core account. {@code recordType} is e.g. {@code PERSONAL}, {@code SAVINGS},
 * {@code BUSINESS}; {@code currency} is DKK, EUR, SEK or NOK.
 */
public record AccountOpened(String accountId, String customerId, String currency, String recordType, Instant openedAt)
        implements IntegrationEvent {

    public AccountOpened {
        requireNonNull(accountId, "accountId");
        requireNonNull(customerId, "customerId");
        Currencies.requireSupported(currency);
        requireNonNull(recordType, "recordType");
        requireNonNull(openedAt, "openedAt");
    }

    @Override
    public String subject() {
        return accountId;
    }
}
