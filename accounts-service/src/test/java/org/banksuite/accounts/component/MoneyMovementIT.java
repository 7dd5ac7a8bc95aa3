package org.banksuite.accounts.component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.banksuite.api.accounts.client.model.Account;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.accounts.client.model.Posting;
import org.banksuite.api.accounts.client.model.PostingPage;
import org.banksuite.events.Amount;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.EventJson;
import org.banksuite.events.accounts.v1.FundsReservationDeclined;
import org.banksuite.events.partnerbank.v1.CorePostingEntryBooked;
import org.banksuite.events.transfers.v1.Creditor;
import org.banksuite.events.transfers.v1.TransferBooked;
import org.banksuite.events.transfers.v1.TransferRejected;
import org.banksuite.events.transfers.v1.TransferRequested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banksuite.events.CloudEventsKafka.TYPE;

class MoneyMovementIT extends ComponentTest {

    @Test
    void creditsAnIncomingPaymentOnceWhateverIsDeliveredTwice() {
        UUID id = openActive("m-1", Currency.DKK);
        CorePostingEntryBooked salary = new CorePostingEntryBooked(id.toString(), "entry-1", dkk("1000.00"), "salary",
                null, Instant.now());
        EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID().toString(), "/partner-bank-adapter", Instant.now(), 0, salary);

        send(topics.partnerBankEvents(), envelope);
        send(topics.partnerBankEvents(), envelope);
        coreSays(salary);
        credit(id, "1.00", Currency.DKK);

        Account account = awaitAccount(id, a -> a.getVersion() >= 3);
        assertThat(account.getBookedBalance().getAmount()).isEqualTo("1001.00");
        assertThat(accountEvents(id, 4)).extracting(record -> header(record, TYPE)).containsExactly(
                "accounts.AccountOpened.v1", "accounts.AccountActivated.v1", "accounts.PostingBooked.v1",
                "accounts.PostingBooked.v1");
        assertThat(accountsTopic.settle(record -> record.key().equals(id.toString()), Duration.ofSeconds(1))).hasSize(4);
    }

    @Test
    void reservesForATransferAndCapturesTheHoldWhenItIsBooked() {
        UUID debtor = openActive("m-2", Currency.DKK);
        UUID creditor = openActive("m-3", Currency.DKK);
        credit(debtor, "500.00", Currency.DKK);
        awaitAccount(debtor, a -> a.getBookedBalance().getAmount().equals("500.00"));
        String transfer = UUID.randomUUID().toString();

        transfersSay(requested(transfer, debtor, creditor, "125.50"));
        Account held = awaitAccount(debtor, a -> a.getReservedBalance().getAmount().equals("125.50"));
        assertThat(held.getAvailableBalance().getAmount()).isEqualTo("374.50");
        transfersSay(new TransferBooked(transfer, debtor.toString(), creditor.toString(), dkk("125.50"), "to m-3",
                "from m-2", Instant.now()));

        Account debited = awaitAccount(debtor, a -> a.getBookedBalance().getAmount().equals("374.50"));
        assertThat(debited.getReservedBalance().getAmount()).isEqualTo("0.00");
        assertThat(debited.getAvailableBalance().getAmount()).isEqualTo("374.50");
        Account credited = awaitAccount(creditor, a -> a.getBookedBalance().getAmount().equals("125.50"));
        assertThat(credited.getAvailableBalance().getAmount()).isEqualTo("125.50");
    }

    @Test
    void releasesTheHoldWhenTheTransferIsRejected() {
        UUID debtor = openActive("m-4", Currency.DKK);
        credit(debtor, "100.00", Currency.DKK);
        awaitAccount(debtor, a -> a.getBookedBalance().getAmount().equals("100.00"));
        String transfer = UUID.randomUUID().toString();

        transfersSay(requested(transfer, debtor, UUID.randomUUID(), "80.00"));
        awaitAccount(debtor, a -> a.getReservedBalance().getAmount().equals("80.00"));
        transfersSay(new TransferRejected(transfer, debtor.toString(), "CORE_REJECTED", Instant.now()));

        Account account = awaitAccount(debtor, a -> a.getReservedBalance().getAmount().equals("0.00"));
        assertThat(account.getBookedBalance().getAmount()).isEqualTo("100.00");
        assertThat(account.getAvailableBalance().getAmount()).isEqualTo("100.00");
        assertThat(accounts.listPostings(debtor, null, null).getItems()).hasSize(1);
    }

    @Test
    void declinesAReservationBeyondTheAvailableBalance() {
        UUID debtor = openActive("m-5", Currency.DKK);
        credit(debtor, "50.00", Currency.DKK);
        awaitAccount(debtor, a -> a.getBookedBalance().getAmount().equals("50.00"));
        String transfer = UUID.randomUUID().toString();

        transfersSay(requested(transfer, debtor, UUID.randomUUID(), "50.01"));

        ConsumerRecord<String, byte[]> declined = accountEvents(debtor, 4).getLast();
        assertThat(header(declined, TYPE)).isEqualTo("accounts.FundsReservationDeclined.v1");
        FundsReservationDeclined event = (FundsReservationDeclined) EventJson.deserialize(header(declined, TYPE), declined.value());
        assertThat(event.reservationId()).isEqualTo(transfer);
        assertThat(event.reason()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(accounts.getAccount(debtor, null).getReservedBalance().getAmount()).isEqualTo("0.00");
    }

    @Test
    void pagesThroughPostingsNewestFirst() {
        UUID id = openActive("m-6", Currency.DKK);
        for (int i = 1; i <= 5; i++) {
            credit(id, i + ".00", Currency.DKK);
        }
        awaitAccount(id, a -> a.getBookedBalance().getAmount().equals("15.00"));

        List<String> amounts = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            PostingPage page = accounts.listPostings(id, 2, cursor);
            page.getItems().stream().map(Posting::getAmount).forEach(money -> amounts.add(money.getAmount()));
            cursor = page.getNextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(amounts).containsExactly("5.00", "4.00", "3.00", "2.00", "1.00");
    }

    private static TransferRequested requested(String transfer, UUID debtor, UUID creditor, String amount) {
        return new TransferRequested(transfer, debtor.toString(), Creditor.suiteAccount(creditor.toString()), dkk(amount),
                "to a friend", "from a friend", null, Instant.now());
    }

    private static Amount dkk(String amount) {
        return new Amount(amount, "DKK");
    }
}
