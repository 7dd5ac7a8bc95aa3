package org.banksuite.accounts.account.web;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.UUID;
import org.banksuite.accounts.account.domain.AccountState;
import org.banksuite.accounts.account.query.AccountView;
import org.banksuite.accounts.account.query.PostingView;
import org.banksuite.accounts.api.model.Account;
import org.banksuite.accounts.api.model.AccountAccepted;
import org.banksuite.accounts.api.model.AccountStatus;
import org.banksuite.accounts.api.model.CoreAccount;
import org.banksuite.accounts.api.model.Currency;
import org.banksuite.accounts.api.model.Money;
import org.banksuite.accounts.api.model.Posting;
import org.banksuite.accounts.api.model.PostingPage;
import org.banksuite.accounts.api.model.RecordType;

/** Between the query side and domain on one hand and the generated API types on the other. */
final class AccountApiMapper {

    private AccountApiMapper() {
    }

    static AccountAccepted accepted(AccountState state) {
        return new AccountAccepted()
                .accountId(UUID.fromString(state.accountId()))
                .status(AccountStatus.fromValue(state.status().name()))
                .pendingRecordType(state.pendingRecordType() == null ? null
                        : RecordType.fromValue(state.pendingRecordType().name()))
                .closurePending(state.closurePending())
                .version(state.version());
    }

    static Account account(AccountView view) {
        Currency currency = Currency.fromValue(view.currency());
        Account account = new Account()
                .accountId(UUID.fromString(view.accountId()))
                .customerId(view.customerId())
                .currency(currency)
                .recordType(RecordType.fromValue(view.recordType()))
                .status(AccountStatus.fromValue(view.status()))
                .pendingRecordType(view.pendingRecordType() == null ? null : RecordType.fromValue(view.pendingRecordType()))
                .closurePending(view.closurePending())
                .rejectionReason(view.rejectionReason())
                .blockReason(view.blockReason())
                .bookedBalance(money(view.bookedBalance(), currency))
                .reservedBalance(money(view.reservedBalance(), currency))
                .availableBalance(money(view.availableBalance(), currency))
                .openedAt(view.openedAt().atOffset(ZoneOffset.UTC))
                .version(view.version());
        if (view.registrationNumber() != null) {
            account.coreAccount(new CoreAccount().registrationNumber(view.registrationNumber())
                    .accountNumber(view.accountNumber()));
        }
        return account;
    }

    static PostingPage postings(org.banksuite.accounts.account.query.PostingPage page, Currency currency) {
        return new PostingPage()
                .items(page.items().stream().map(posting -> posting(posting, currency)).toList())
                .nextCursor(page.nextCursor());
    }

    private static Posting posting(PostingView view, Currency currency) {
        return new Posting()
                .postingId(view.postingId())
                .amount(money(view.amount(), currency))
                .text(view.text())
                .reservationId(view.reservationId())
                .bookedBalance(money(view.bookedBalance(), currency))
                .bookedAt(view.bookedAt().atOffset(ZoneOffset.UTC));
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return new Money().amount(amount.setScale(2).toPlainString()).currency(currency);
    }
}
