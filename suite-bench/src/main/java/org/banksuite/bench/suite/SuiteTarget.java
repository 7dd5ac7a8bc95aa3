package org.banksuite.bench.suite;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.banksuite.bench.load.Submission;
import org.banksuite.bench.load.TransferOrder;
import org.banksuite.bench.load.TransferTarget;
import org.banksuite.launcher.demo.AccessTokens;

/**
 * The suite as a {@link TransferTarget}: {@code POST /v1/transfers} to transfers-service as the BFF acting for the
 * debtor's holder (asynchronously, with {@link HttpClient#sendAsync}); answered 202 with the transfer's id; completed
 * when {@link TransferEvents} sees its {@code TransferBooked} or {@code TransferRejected}.
 */
public final class SuiteTarget implements TransferTarget {

    private static final Pattern TRANSFER_ID = Pattern.compile("\"transferId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final URI transfers;
    private final AccessTokens tokens;
    private final Map<String, String> holders;
    private final TransferEvents events;

    /**
     * @param holders each debtor account's customer id (whose token sends its transfers)
     * @param events  started, watching {@code transfers.events}
     */
    public SuiteTarget(String transfersUrl, AccessTokens tokens, Map<String, String> holders, TransferEvents events) {
        this.transfers = URI.create(transfersUrl.replaceAll("/+$", "") + "/v1/transfers");
        this.tokens = tokens;
        this.holders = Map.copyOf(holders);
        this.events = events;
    }

    @Override
    public String name() {
        return "suite";
    }

    @Override
    public Submission send(TransferOrder order) {
        String holder = holders.get(order.debtorAccountId());
        if (holder == null) {
            throw new IllegalArgumentException("no holder known for the debtor account " + order.debtorAccountId());
        }
        String token = tokens.customer(holder).get(); // cached: fetched again only near its expiry
        HttpRequest request = HttpRequest.newBuilder(transfers).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", order.idempotencyKey())
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body(order))).build();
        CompletableFuture<Submission.Completion> completion = new CompletableFuture<>();
        CompletableFuture<Submission.Answer> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    long answeredAt = System.nanoTime();
                    String transferId = response.statusCode() == 202 ? transferId(response.body()) : null;
                    if (transferId != null) {
                        events.completionOf(transferId).whenComplete((done, failure) -> {
                            events.forget(transferId);
                            completion.complete(done);
                        });
                    }
                    return new Submission.Answer(response.statusCode(), answeredAt, transferId);
                });
        return new Submission(answer, completion);
    }

    static String body(TransferOrder order) {
        String amount = java.math.BigDecimal.valueOf(order.amountMinor(), 2).toPlainString();
        return "{\"debtorAccountId\":\"" + order.debtorAccountId() + "\",\"creditor\":{\"accountId\":\""
                + order.creditorAccountId() + "\"},\"amount\":{\"amount\":\"" + amount + "\",\"currency\":\""
                + order.currency() + "\"},\"debtorText\":\"bench\",\"creditorText\":\"bench\"}";
    }

    static String transferId(String body) {
        Matcher matcher = TRANSFER_ID.matcher(body);
        return matcher.find() ? matcher.group(1) : null;
    }

    @Override
    public void close() {
        http.close();
    }
}
