package org.banksuite.launcher.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.banksuite.api.accounts.client.AccountsApi;
import org.banksuite.api.accounts.client.model.Account;
import org.banksuite.api.accounts.client.model.AccountStatus;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.accounts.client.model.OpenAccountRequest;
import org.banksuite.api.accounts.client.model.RecordType;
import org.banksuite.api.accounts.client.model.RecordTypeChangeRequest;

/** What a BFF does with accounts (accounts-service's API), each call followed by waiting for its outcome. */
public final class AccountSteps {

    private final AccountsApi accounts;
    private final Duration patience;

    public AccountSteps(SuiteClients clients, Duration patience) {
        this.accounts = clients.accounts();
        this.patience = patience;
    }

    /** Asks for a new account; it is {@code PENDING_ACTIVATION} until the core opens it. */
    public UUID open(String customerId, Currency currency, RecordType recordType) {
        return accounts.openAccount(UUID.randomUUID().toString(), new OpenAccountRequest()
                .customerId(customerId).currency(currency).recordType(recordType)).getAccountId();
    }

    /** Waits until the core opened the account and the suite shows it {@code ACTIVE} with its core number. */
    public DemoAccount awaitActive(String holder, UUID accountId) {
        Account active = await(accountId, "account " + accountId + " ACTIVE",
                account -> account.getStatus() == AccountStatus.ACTIVE && account.getCoreAccount() != null);
        return new DemoAccount(holder, active.getCustomerId(), accountId, active.getCurrency().getValue(),
                active.getCoreAccount().getRegistrationNumber(), active.getCoreAccount().getAccountNumber());
    }

    public DemoAccount openActive(String holder, String customerId, Currency currency) {
        return awaitActive(holder, open(customerId, currency, RecordType.PERSONAL));
    }

    public Account read(DemoAccount account) {
        return accounts.getAccount(account.accountId());
    }

    public BigDecimal bookedBalance(DemoAccount account) {
        return new BigDecimal(read(account).getBookedBalance().getAmount());
    }

    public Account awaitBookedBalance(DemoAccount account, BigDecimal expected) {
        return await(account.accountId(), account.holder() + "'s booked balance " + Amounts.text(expected)
                        + " with nothing reserved",
                seen -> Amounts.same(seen.getBookedBalance().getAmount(), expected)
                        && Amounts.same(seen.getReservedBalance().getAmount(), BigDecimal.ZERO));
    }

    public void requestRecordTypeChange(DemoAccount account, RecordType recordType) {
        accounts.requestRecordTypeChange(account.accountId(), new RecordTypeChangeRequest().recordType(recordType));
    }

    public Account awaitRecordType(DemoAccount account, RecordType recordType) {
        return await(account.accountId(), account.holder() + "'s account with record type " + recordType
                        + " and no change pending",
                seen -> seen.getRecordType() == recordType && seen.getPendingRecordType() == null);
    }

    public void requestClosure(DemoAccount account) {
        accounts.requestClosure(account.accountId());
    }

    public Account awaitClosed(DemoAccount account) {
        return await(account.accountId(), account.holder() + "'s account CLOSED",
                seen -> seen.getStatus() == AccountStatus.CLOSED);
    }

    public Account await(UUID accountId, String expectation, Predicate<Account> done) {
        return Polling.until(expectation, patience, () -> accounts.getAccount(accountId), done);
    }
}
