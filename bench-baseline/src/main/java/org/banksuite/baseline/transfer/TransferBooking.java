package org.banksuite.baseline.transfer;

import java.math.BigDecimal;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.banksuite.baseline.BaselineProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * A transfer the naive way: commit it in the database, then publish {@link TransferBooked} and wait for the broker's
 * acknowledgement ({@code acks=all}). A crash or a broker failure between the two leaves a booked transfer that was
 * never published: the dual write the suite's event store avoids, and one reason this is only a reference.
 */
@Service
public class TransferBooking {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final TransferLedger ledger;
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final String topic;

    TransferBooking(TransferLedger ledger, KafkaTemplate<String, String> kafka, JsonMapper json,
                    BaselineProperties properties) {
        this.ledger = ledger;
        this.kafka = kafka;
        this.json = json;
        this.topic = properties.topic();
    }

    /**
     * @return the booked transfer, once committed and acknowledged by the broker
     * @throws IllegalArgumentException          for a missing account id, the same account twice or a non-positive
     *                                           amount (nothing changed)
     * @throws org.banksuite.baseline.account.UnknownAccountException if an account does not exist (nothing changed)
     * @throws InsufficientFundsException        if the debtor cannot pay (nothing changed)
     * @throws PublicationFailedException        if the broker did not acknowledge (the transfer is booked regardless)
     */
    public TransferBooked transfer(String debtor, String creditor, BigDecimal amount) {
        if (debtor == null || creditor == null || amount == null) {
            throw new IllegalArgumentException("debtor, creditor and amount are required");
        }
        if (debtor.equals(creditor)) {
            throw new IllegalArgumentException("debtor and creditor are the same account");
        }
        if (amount.signum() <= 0 || amount.scale() > 2) {
            throw new IllegalArgumentException("amount must be positive with at most two decimals: " + amount);
        }
        TransferBooked booked = ledger.book(debtor, creditor, amount);
        try {
            kafka.send(topic, booked.transferId().toString(), json.writeValueAsString(booked))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublicationFailedException(booked, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublicationFailedException(booked, e);
        }
        return booked;
    }
}
