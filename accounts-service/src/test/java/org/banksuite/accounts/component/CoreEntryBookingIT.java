package org.banksuite.accounts.component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.banksuite.api.accounts.client.model.Account;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.accounts.client.model.Posting;
import org.banksuite.events.Amount;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.partnerbank.v1.CorePostingEntryBooked;
import org.banksuite.events.transfers.v1.Creditor;
import org.banksuite.events.transfers.v1.TransferBooked;
import org.banksuite.events.transfers.v1.TransferRequested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every entry the core booked shows once in the suite, whoever booked it: the core's entries of the suite's own
 * transfers (before or after {@code TransferBooked}) and entries with a payment key the suite never booked. A
 * plain incoming payment sent after an entry, on the same account's partition, marks that the entry was processed.
 */
class CoreEntryBookingIT extends ComponentTest {

    @Test
    void booksAKeyedCoreDebitTheSuiteNeverBookedOnce() {
        UUID id = openActive("ce-1", Currency.DKK);
        credit(id, "500.00", Currency.DKK);
        String foreignKey = UUID.randomUUID().toString();
        CorePostingEntryBooked cardDebit = entry(id, "-40.00", foreignKey);
        EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID().toString(), "/partner-bank-adapter", Instant.now(),
                0, cardDebit);

        send(topics.partnerBankEvents(), envelope);
        send(topics.partnerBankEvents(), envelope);
        coreSays(cardDebit);
        credit(id, "1.00", Currency.DKK);

        Account account = awaitAccount(id, a -> a.getBookedBalance().getAmount().equals("461.00"));
        assertThat(account.getAvailableBalance().getAmount()).isEqualTo("461.00");
        assertThat(postingIds(id)).hasSize(3).contains(foreignKey + "/debit");
    }

    @Test
    void creditsASuiteAccountPaidByNumberFromTheCoresEntry() {
        UUID debtor = openActive("ce-2", Currency.DKK);
        UUID creditor = openActive("ce-3", Currency.DKK);
        credit(debtor, "300.00", Currency.DKK);
        awaitAccount(debtor, a -> a.getBookedBalance().getAmount().equals("300.00"));
        String transfer = UUID.randomUUID().toString();
        transfersSay(new TransferRequested(transfer, debtor.toString(), Creditor.bankAccount("1234", "42"),
                dkk("80.00"), "to ce-3", "from ce-2", null, Instant.now()));
        awaitAccount(debtor, a -> a.getReservedBalance().getAmount().equals("80.00"));

        transfersSay(new TransferBooked(transfer, debtor.toString(), null, dkk("80.00"), "to ce-3", "from ce-2",
                Instant.now()));
        coreSays(entry(debtor, "-80.00", transfer));
        coreSays(entry(creditor, "80.00", transfer));
        credit(creditor, "1.00", Currency.DKK);

        Account credited = awaitAccount(creditor, a -> a.getBookedBalance().getAmount().equals("81.00"));
        assertThat(credited.getAvailableBalance().getAmount()).isEqualTo("81.00");
        assertThat(postingIds(creditor)).hasSize(2).containsOnlyOnce(transfer + "/credit");
        credit(debtor, "1.00", Currency.DKK);
        Account debited = awaitAccount(debtor, a -> a.getBookedBalance().getAmount().equals("221.00"));
        assertThat(debited.getReservedBalance().getAmount()).isEqualTo("0.00");
        assertThat(postingIds(debtor)).hasSize(3).containsOnlyOnce(transfer + "/debit");
    }

    @Test
    void booksATransfersCoreEntryThatArrivesBeforeTransferBookedOnceAndLeavesNoHold() {
        UUID debtor = openActive("ce-4", Currency.DKK);
        UUID creditor = openActive("ce-5", Currency.DKK);
        String transfer = fundAndReserve(debtor, creditor);

        coreSays(entry(debtor, "-125.50", transfer));
        Account debited = awaitAccount(debtor, a -> a.getBookedBalance().getAmount().equals("374.50"));
        assertThat(debited.getReservedBalance().getAmount()).isEqualTo("0.00");
        transfersSay(booked(transfer, debtor, creditor));
        awaitAccount(creditor, a -> a.getBookedBalance().getAmount().equals("125.50"));
        coreSays(entry(creditor, "125.50", transfer));
        credit(creditor, "1.00", Currency.DKK);

        awaitAccount(creditor, a -> a.getBookedBalance().getAmount().equals("126.50"));
        assertThat(postingIds(creditor)).hasSize(2).containsOnlyOnce(transfer + "/credit");
        Account after = accounts.getAccount(debtor, null);
        assertThat(after.getBookedBalance().getAmount()).isEqualTo("374.50");
        assertThat(after.getReservedBalance().getAmount()).isEqualTo("0.00");
        assertThat(after.getAvailableBalance().getAmount()).isEqualTo("374.50");
        assertThat(postingIds(debtor)).hasSize(2).containsOnlyOnce(transfer + "/debit");
    }

    @Test
    void booksATransfersCoreEntryThatArrivesAfterTransferBookedOnce() {
        UUID debtor = openActive("ce-6", Currency.DKK);
        UUID creditor = openActive("ce-7", Currency.DKK);
        String transfer = fundAndReserve(debtor, creditor);

        transfersSay(booked(transfer, debtor, creditor));
        awaitAccount(debtor, a -> a.getBookedBalance().getAmount().equals("374.50"));
        awaitAccount(creditor, a -> a.getBookedBalance().getAmount().equals("125.50"));
        coreSays(entry(debtor, "-125.50", transfer));
        coreSays(entry(creditor, "125.50", transfer));
        credit(debtor, "1.00", Currency.DKK);
        credit(creditor, "1.00", Currency.DKK);

        Account debited = awaitAccount(debtor, a -> a.getBookedBalance().getAmount().equals("375.50"));
        assertThat(debited.getReservedBalance().getAmount()).isEqualTo("0.00");
        assertThat(debited.getAvailableBalance().getAmount()).isEqualTo("375.50");
        awaitAccount(creditor, a -> a.getBookedBalance().getAmount().equals("126.50"));
        assertThat(postingIds(debtor)).hasSize(3).containsOnlyOnce(transfer + "/debit");
        assertThat(postingIds(creditor)).hasSize(2).containsOnlyOnce(transfer + "/credit");
    }

    private String fundAndReserve(UUID debtor, UUID creditor) {
        credit(debtor, "500.00", Currency.DKK);
        awaitAccount(debtor, a -> a.getBookedBalance().getAmount().equals("500.00"));
        String transfer = UUID.randomUUID().toString();
        transfersSay(new TransferRequested(transfer, debtor.toString(), Creditor.suiteAccount(creditor.toString()),
                dkk("125.50"), "to a friend", "from a friend", null, Instant.now()));
        awaitAccount(debtor, a -> a.getReservedBalance().getAmount().equals("125.50"));
        return transfer;
    }

    private static TransferBooked booked(String transfer, UUID debtor, UUID creditor) {
        return new TransferBooked(transfer, debtor.toString(), creditor.toString(), dkk("125.50"), "to a friend",
                "from a friend", Instant.now());
    }

    private static CorePostingEntryBooked entry(UUID accountId, String amount, String paymentKey) {
        return new CorePostingEntryBooked(accountId.toString(), UUID.randomUUID().toString(), dkk(amount), "payment",
                paymentKey, Instant.now());
    }

    private List<String> postingIds(UUID accountId) {
        return accounts.listPostings(accountId, 50, null).getItems().stream().map(Posting::getPostingId).toList();
    }

    private static Amount dkk(String amount) {
        return new Amount(amount, "DKK");
    }
}
