package org.banksuite.events.partnerbank.v1;

import java.time.Instant;

import org.banksuite.events.BankAccountNumbers;
import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * The core opened the account and gave it its number; accounts-service reacts by activating the account.
 *
 * @param registrationNumber exactly 4 digits
 * @param accountNumber      1 to 10 digits
 */
public record CoreAccountOpened(String accountId, String registrationNumber, String accountNumber, Instant openedAt)
        implements IntegrationEvent {

    public CoreAccountOpened {
        requireNonNull(accountId, "accountId");
        BankAccountNumbers.requireRegistrationNumber(registrationNumber);
        BankAccountNumbers.requireAccountNumber(accountNumber);
        requireNonNull(openedAt, "openedAt");
    }

    @Override
    public String subject() {
        return accountId;
    }
}
