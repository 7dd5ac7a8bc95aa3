package org.banksuite.launcher.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.banksuite.api.accounts.client.AccountsApi;
import org.banksuite.api.accounts.client.model.Account;
import org.banksuite.api.accounts.client.model.AccountStatus;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.accounts.client.model.OpenAccountRequest;
import org.banksuite.api.accounts.client.model.RecordType;
import org.banksuite.api.accounts.client.model.RecordTypeChangeRequest;

/**
 * What a BFF does with accounts (accounts-service's API), each call followed by waiting for its outcome. Every call
 * acts for the account's holder, with a customer token: the holder is the {@link DemoAccount}'s customer, or, for a
 * bare account id, the customer who opened it through these steps (an account they did not open is read without a
 * customer's token).
 */
public final class AccountSteps {

    private final SuiteClients clients;
    private final Duration patience;
    private final Map<UUID, String> holders = new ConcurrentHashMap<>();

    public AccountSteps(SuiteClients clients, Duration patience) {
        this.clients = clients;
        this.patience = patience;
    }

    /** Asks for a new account for {@code customerId}; it is {@code PENDING_ACTIVATION} until the core opens it. */
    public UUID open(String customerId, Currency currency, RecordType recordType) {
        UUID accountId = clients.accounts(customerId).openAccount(UUID.randomUUID().toString(), new OpenAccountRequest()
                .customerId(customerId).currency(currency).recordType(recordType)).getAccountId();
        holders.put(accountId, customerId);
        return accountId;
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
        return clients.accounts(account.customerId()).getAccount(account.accountId(), null);
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
        clients.accounts(account.customerId()).requestRecordTypeChange(account.accountId(), new RecordTypeChangeRequest().recordType(recordType));
    }

    public Account awaitRecordType(DemoAccount account, RecordType recordType) {
        return await(account.accountId(), account.holder() + "'s account with record type " + recordType
                        + " and no change pending",
                seen -> seen.getRecordType() == recordType && seen.getPendingRecordType() == null);
    }

    public void requestClosure(DemoAccount account) {
        clients.accounts(account.customerId()).requestClosure(account.accountId());
    }

    public Account awaitClosed(DemoAccount account) {
        return await(account.accountId(), account.holder() + "'s account CLOSED",
                seen -> seen.getStatus() == AccountStatus.CLOSED);
    }

    public Account await(UUID accountId, String expectation, Predicate<Account> done) {
        AccountsApi accounts = holder(accountId);
        return Polling.until(expectation, patience, () -> accounts.getAccount(accountId, null), done);
    }

    /** Waits for the account of {@code customerId} (one these steps did not open) to be as {@code done} says. */
    public Account await(String customerId, UUID accountId, String expectation, Predicate<Account> done) {
        holders.putIfAbsent(accountId, customerId);
        return await(accountId, expectation, done);
    }

    private AccountsApi holder(UUID accountId) {
        String customerId = holders.get(accountId);
        return customerId == null ? clients.accounts() : clients.accounts(customerId);
    }
}
