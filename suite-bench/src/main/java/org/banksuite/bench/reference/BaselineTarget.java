package org.banksuite.bench.reference;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.banksuite.bench.load.Submission;
import org.banksuite.bench.load.TransferOrder;
import org.banksuite.bench.load.TransferTarget;

/**
 * The load generator's view of the {@link NaiveBaseline}: {@code POST /transfers} sent asynchronously; the transfer is
 * booked when the {@code 201} arrives (the baseline commits and publishes before it answers), rejected on any other
 * answer. The order's currency and idempotency key are not sent (the baseline has neither).
 */
public final class BaselineTarget implements TransferTarget {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern TRANSFER_ID = Pattern.compile("\"transferId\"\\s*:\\s*\"([^\"]+)\"");

    private final URI transfers;
    private final HttpClient http;

    /** @param baseUri the baseline's {@link NaiveBaseline#baseUri()} */
    public BaselineTarget(URI baseUri) {
        this.transfers = baseUri.resolve("/transfers");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public String name() {
        return "naive-baseline";
    }

    /** @return its answer and completion; both fail only for a transport failure or a 30 s timeout */
    @Override
    public Submission send(TransferOrder order) {
        String body = "{\"debtor\": \"" + order.debtorAccountId() + "\", \"creditor\": \"" + order.creditorAccountId()
                + "\", \"amount\": \"" + BigDecimal.valueOf(order.amountMinor(), 2).toPlainString() + "\"}";
        HttpRequest request = HttpRequest.newBuilder(transfers).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        CompletableFuture<Submission.Answer> answer = new CompletableFuture<>();
        CompletableFuture<Submission.Completion> completion = new CompletableFuture<>();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            long answeredNanos = System.nanoTime();
            Instant answeredAt = Instant.now();
            if (failure != null) {
                answer.completeExceptionally(failure);
                completion.completeExceptionally(failure);
                return;
            }
            boolean booked = response.statusCode() == 201;
            answer.complete(new Submission.Answer(response.statusCode(), answeredNanos,
                    booked ? transferId(response.body()) : null));
            completion.complete(new Submission.Completion(booked, answeredAt));
        });
        return new Submission(answer, completion);
    }

    private static String transferId(String body) {
        Matcher matcher = TRANSFER_ID.matcher(body);
        return matcher.find() ? matcher.group(1) : null;
    }

    @Override
    public void close() {
        http.close();
    }
}
