package org.banksuite.accounts.component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.events.Amount;
import org.banksuite.events.transfers.v1.Creditor;
import org.banksuite.events.transfers.v1.TransferBooked;
import org.banksuite.events.transfers.v1.TransferRejected;
import org.banksuite.events.transfers.v1.TransferRequested;
import org.banksuite.testsupport.PublishedEventSchemas;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records accounts-service really publishes, not only the golden files, satisfy the JSON Schemas shared-events
 * ships for them: postings booked from a core entry ({@code core:<entryId>}) and from a transfer
 * ({@code <transferId>/debit}, {@code /credit}), holds placed, captured and released.
 */
class PublishedRecordsSchemaIT extends ComponentTest {

    @Test
    void publishesAccountEventsThatSatisfyTheirSchemas() {
        UUID debtor = openActive("s-1", Currency.DKK);
        UUID creditor = openActive("s-2", Currency.DKK);
        credit(debtor, "500.00", Currency.DKK);
        awaitAccount(debtor, account -> account.getBookedBalance().getAmount().equals("500.00"));
        String booked = UUID.randomUUID().toString();
        transfersSay(requested(booked, debtor, creditor, "125.50"));
        awaitAccount(debtor, account -> account.getReservedBalance().getAmount().equals("125.50"));
        transfersSay(new TransferBooked(booked, debtor.toString(), creditor.toString(), dkk("125.50"), "to s-2",
                "from s-1", Instant.now()));
        awaitAccount(creditor, account -> account.getBookedBalance().getAmount().equals("125.50"));
        String rejected = UUID.randomUUID().toString();
        transfersSay(requested(rejected, debtor, creditor, "10.00"));
        awaitAccount(debtor, account -> account.getReservedBalance().getAmount().equals("10.00"));
        transfersSay(new TransferRejected(rejected, debtor.toString(), "CORE_REJECTED", Instant.now()));

        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(accountEvents(debtor, 7));
        records.addAll(accountEvents(creditor, 3));

        assertThat(records).extracting(record -> header(record, "ce_type")).contains("accounts.PostingBooked.v1",
                "accounts.FundsReserved.v1", "accounts.ReservationReleased.v1");
        assertThat(records.stream().flatMap(record -> PublishedEventSchemas.violations(record).stream())).isEmpty();
    }

    private static TransferRequested requested(String transfer, UUID debtor, UUID creditor, String amount) {
        return new TransferRequested(transfer, debtor.toString(), new Creditor(creditor.toString(), null, null),
                dkk(amount), "to creditor", "from debtor", null, Instant.now());
    }

    private static Amount dkk(String amount) {
        return new Amount(amount, "DKK");
    }
}
