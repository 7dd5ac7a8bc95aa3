package org.banksuite.launcher.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.banksuite.api.transfers.client.TransfersApi;
import org.banksuite.api.transfers.client.model.CreateTransferRequest;
import org.banksuite.api.transfers.client.model.MoneyInput;
import org.banksuite.api.transfers.client.model.Transfer;
import org.banksuite.api.transfers.client.model.TransferCreditor;
import org.banksuite.api.transfers.client.model.TransferStatus;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a BFF does with transfers (transfers-service's API), each call followed by waiting for its outcome. Every call
 * acts for the debtor account's holder with a customer token; a transfer is read for the customer who requested it
 * through these steps (one they did not request is read without a customer's token).
 */
public final class TransferSteps {

    public static final String PROBLEM = "urn:banksuite:problem:";

    /**
     * transfers-service checks the debtor against its replica of account facts, fed by {@code accounts.events}: just
     * after an activation it may not know the account, or not yet as active. Those answers are asked again.
     */
    private static final Set<String> REPLICA_NOT_CAUGHT_UP = Set.of(
            PROBLEM + "debtor-account-unknown", PROBLEM + "debtor-account-not-active");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SuiteClients clients;
    private final Duration patience;
    private final Map<UUID, String> requesters = new ConcurrentHashMap<>();

    public TransferSteps(SuiteClients clients, Duration patience) {
        this.clients = clients;
        this.patience = patience;
    }

    public static TransferCreditor toAccount(DemoAccount creditor) {
        return new TransferCreditor().accountId(creditor.accountId());
    }

    public static TransferCreditor toAnotherBank(String registrationNumber, String accountNumber) {
        return new TransferCreditor().registrationNumber(registrationNumber).accountNumber(accountNumber);
    }

    /** Requests a DKK transfer and returns its id once transfers-service accepted it (202). */
    public UUID request(DemoAccount debtor, TransferCreditor creditor, BigDecimal amount, String text) {
        CreateTransferRequest request = request(debtor.accountId(), creditor, amount, text);
        TransfersApi transfers = clients.transfers(debtor.customerId());
        UUID transferId = Polling.until("transfers-service to accept a transfer from " + debtor.holder(), patience,
                () -> {
                    try {
                        return transfers.createTransfer(UUID.randomUUID().toString(), request).getTransferId();
                    } catch (RestClientResponseException refused) {
                        Refusal refusal = refusal(refused);
                        if (REPLICA_NOT_CAUGHT_UP.contains(refusal.type())) {
                            return null;
                        }
                        throw new UnexpectedOutcomeException("transfers-service refused the transfer: " + refusal);
                    }
                }, Objects::nonNull);
        requesters.put(transferId, debtor.customerId());
        return transferId;
    }

    /** Requests a transfer that must be refused, and returns the refusal once it is not about replica lag. */
    public Refusal requestRefused(DemoAccount debtor, TransferCreditor creditor, BigDecimal amount, String text) {
        CreateTransferRequest request = request(debtor.accountId(), creditor, amount, text);
        TransfersApi transfers = clients.transfers(debtor.customerId());
        return Polling.until("transfers-service to refuse a transfer from " + debtor.holder(), patience,
                () -> {
                    try {
                        UUID accepted = transfers.createTransfer(UUID.randomUUID().toString(), request).getTransferId();
                        throw new UnexpectedOutcomeException("transfers-service accepted it as transfer " + accepted);
                    } catch (RestClientResponseException refused) {
                        Refusal refusal = refusal(refused);
                        return REPLICA_NOT_CAUGHT_UP.contains(refusal.type()) ? null : refusal;
                    }
                }, Objects::nonNull);
    }

    public Transfer read(UUID transferId) {
        return requester(transferId).getTransfer(transferId, null);
    }

    /** Waits until the transfer is {@code BOOKED} or {@code REJECTED}, its two final states. */
    public Transfer awaitFinal(UUID transferId) {
        TransfersApi transfers = requester(transferId);
        return Polling.until("transfer " + transferId + " BOOKED or REJECTED", patience,
                () -> transfers.getTransfer(transferId, null), TransferSteps::isFinal);
    }

    /** Waits until the transfer {@code customerId} requested (not through these steps) is final. */
    public Transfer awaitFinal(String customerId, UUID transferId) {
        requesters.putIfAbsent(transferId, customerId);
        return awaitFinal(transferId);
    }

    private TransfersApi requester(UUID transferId) {
        String customerId = requesters.get(transferId);
        return customerId == null ? clients.transfers() : clients.transfers(customerId);
    }

    public static boolean isFinal(Transfer transfer) {
        return transfer.getStatus() == TransferStatus.BOOKED || transfer.getStatus() == TransferStatus.REJECTED;
    }

    private static CreateTransferRequest request(UUID debtor, TransferCreditor creditor, BigDecimal amount,
                                                 String text) {
        return new CreateTransferRequest().debtorAccountId(debtor).creditor(creditor)
                .amount(new MoneyInput().amount(Amounts.text(amount)).currency("DKK"))
                .debtorText(text).creditorText(text);
    }

    private static Refusal refusal(RestClientResponseException refused) {
        int status = refused.getStatusCode().value();
        try {
            JsonNode problem = JSON.readTree(refused.getResponseBodyAsString());
            return new Refusal(status, problem.path("type").asString(""), problem.path("detail").asString(""));
        } catch (JacksonException notJson) {
            return new Refusal(status, "", refused.getResponseBodyAsString());
        }
    }
}
