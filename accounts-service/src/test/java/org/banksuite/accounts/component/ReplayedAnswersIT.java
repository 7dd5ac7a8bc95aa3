package org.banksuite.accounts.component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.banksuite.api.accounts.client.model.Account;
import org.banksuite.api.accounts.client.model.AccountStatus;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.events.Amount;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.EventJson;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.events.Receivers;
import org.banksuite.events.accounts.v1.AccountClosureRequested;
import org.banksuite.events.partnerbank.v1.CoreAccountClosed;
import org.banksuite.events.partnerbank.v1.CoreAccountClosureRefused;
import org.banksuite.events.partnerbank.v1.CorePostingEntryBooked;
import org.banksuite.events.transfers.v1.Creditor;
import org.banksuite.events.transfers.v1.TransferRejected;
import org.banksuite.events.transfers.v1.TransferRequested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Support replays of old answers and requests through {@code reconstitution.accounts-service}, as a reconstitution
 * job of the adapter or of transfers-service sends them: a replay repairs what was lost, but an answer to an earlier
 * request never settles the pending one, and a settled reservation is never held again. Each replay ends with a record
 * that was really lost, so the test knows the replayed records before it were handled.
 */
class ReplayedAnswersIT extends ComponentTest {

    private static final Duration QUIET = Duration.ofSeconds(2);

    @Test
    void aReplayedRefusalOfAnEarlierClosureLeavesTheNewClosureToItsOwnAnswer() {
        UUID id = openActive("replayed-answers-1", Currency.DKK);
        String firstRequest = requestClosure(id, 3);
        EventEnvelope refusal = envelope("/partner-bank-adapter", new CoreAccountClosureRefused(id.toString(),
                "core-account-balance-not-zero", Instant.now(), firstRequest));
        send(topics.partnerBankEvents(), refusal);
        awaitAccount(id, account -> !account.getClosurePending());
        String secondRequest = requestClosure(id, 5);
        EventEnvelope lostConfirmation = envelope("/partner-bank-adapter", new CoreAccountClosed(id.toString(),
                Instant.now(), secondRequest));

        String job = UUID.randomUUID().toString();
        replay(job, refusal);
        replay(job, lostConfirmation);

        Account account = awaitAccount(id, a -> a.getStatus() == AccountStatus.CLOSED);
        assertThat(account.getClosurePending()).isFalse();
        assertThat(firstRequest).isEqualTo("2");
        assertThat(secondRequest).isEqualTo("4");
        assertThat(accountsTopic.settle(record -> record.key().equals(id.toString()), QUIET))
                .extracting(record -> header(record, CloudEventsKafka.TYPE)).containsExactly(
                        "accounts.AccountOpened.v1", "accounts.AccountActivated.v1",
                        "accounts.AccountClosureRequested.v1", "accounts.AccountClosureRefused.v1",
                        "accounts.AccountClosureRequested.v1", "accounts.AccountClosed.v1");
    }

    @Test
    void aReplayedRequestOfARejectedTransferHoldsNothing() {
        UUID debtor = openActive("replayed-answers-2", Currency.DKK);
        credit(debtor, "100.00", Currency.DKK);
        awaitAccount(debtor, a -> a.getBookedBalance().getAmount().equals("100.00"));
        String transfer = UUID.randomUUID().toString();
        EventEnvelope requested = envelope("/transfers-service", requested(transfer, debtor, "30.00"));
        send(topics.transfersEvents(), requested);
        awaitAccount(debtor, a -> a.getReservedBalance().getAmount().equals("30.00"));
        transfersSay(new TransferRejected(transfer, debtor.toString(), "CORE_REJECTED", Instant.now()));
        awaitAccount(debtor, a -> a.getReservedBalance().getAmount().equals("0.00"));

        String job = UUID.randomUUID().toString();
        replay(job, requested);
        replay(job, lostCredit(debtor, "5.00"));

        Account account = awaitAccount(debtor, a -> a.getBookedBalance().getAmount().equals("105.00"));
        assertThat(account.getReservedBalance().getAmount()).isEqualTo("0.00");
        assertThat(account.getAvailableBalance().getAmount()).isEqualTo("105.00");
        assertThat(typesOf(debtor)).containsOnlyOnce("accounts.FundsReserved.v1");
    }

    @Test
    void aTransferRejectedBeforeItsRequestArrivedNeverHoldsMoney() {
        UUID debtor = openActive("replayed-answers-3", Currency.DKK);
        credit(debtor, "100.00", Currency.DKK);
        awaitAccount(debtor, a -> a.getBookedBalance().getAmount().equals("100.00"));
        String transfer = UUID.randomUUID().toString();
        transfersSay(new TransferRejected(transfer, debtor.toString(), "TIMED_OUT", Instant.now()));
        accountsTopic.await(record -> record.key().equals(debtor.toString())
                && header(record, CloudEventsKafka.TYPE).equals("accounts.ReservationReleased.v1"), 1, PATIENCE);

        String job = UUID.randomUUID().toString();
        replay(job, envelope("/transfers-service", requested(transfer, debtor, "30.00")));
        replay(job, lostCredit(debtor, "5.00"));

        Account account = awaitAccount(debtor, a -> a.getBookedBalance().getAmount().equals("105.00"));
        assertThat(account.getReservedBalance().getAmount()).isEqualTo("0.00");
        assertThat(typesOf(debtor)).doesNotContain("accounts.FundsReserved.v1");
    }

    /** Asks to close the account and returns the {@code requestId} its request was published with. */
    private String requestClosure(UUID id, int eventsThen) {
        accounts.requestClosure(id);
        ConsumerRecord<String, byte[]> request = accountEvents(id, eventsThen).getLast();
        assertThat(header(request, CloudEventsKafka.TYPE)).isEqualTo("accounts.AccountClosureRequested.v1");
        return ((AccountClosureRequested) EventJson.deserialize(header(request, CloudEventsKafka.TYPE), request.value()))
                .requestId();
    }

    private List<String> typesOf(UUID accountId) {
        return accountsTopic.settle(record -> record.key().equals(accountId.toString()), QUIET).stream()
                .map(record -> header(record, CloudEventsKafka.TYPE)).toList();
    }

    private void replay(String jobId, EventEnvelope envelope) {
        var record = CloudEventsKafka.toRecord(topics.reconstitution(Receivers.ACCOUNTS_SERVICE), envelope);
        record.headers().add(CloudEventsKafka.RECONSTITUTION_JOB, jobId.getBytes());
        producer.send(record);
    }

    private static EventEnvelope envelope(String source, IntegrationEvent event) {
        return EventEnvelope.of(UUID.randomUUID().toString(), source, Instant.now(), 0, event);
    }

    private static EventEnvelope lostCredit(UUID accountId, String amount) {
        return envelope("/partner-bank-adapter", new CorePostingEntryBooked(accountId.toString(),
                UUID.randomUUID().toString(), new Amount(amount, "DKK"), "incoming payment", null, Instant.now()));
    }

    private static TransferRequested requested(String transfer, UUID debtor, String amount) {
        return new TransferRequested(transfer, debtor.toString(), Creditor.bankAccount("9999", "1234567"),
                new Amount(amount, "DKK"), "to a friend", "from a friend", null, Instant.now());
    }
}
