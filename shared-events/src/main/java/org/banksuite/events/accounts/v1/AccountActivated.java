package org.banksuite.events.accounts.v1;

import java.time.Instant;

import org.banksuite.events.BankAccountNumbers;
import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * The account became active with its core account number; BFFs show it and transfers-service may now debit it.
 */
public record AccountActivated(String accountId, String registrationNumber, String accountNumber, Instant activatedAt)
        implements IntegrationEvent {

    public AccountActivated {
        requireNonNull(accountId, "accountId");
        BankAccountNumbers.requireRegistrationNumber(registrationNumber);
        BankAccountNumbers.requireAccountNumber(accountNumber);
        requireNonNull(activatedAt, "activatedAt");
    }

    @Override
    public String subject() {
        return accountId;
    }
}
