package org.banksuite.launcher.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads reconciliation-service's API as a reconciliation team would, with a support token: account positions and open
 * mismatches.
 */
public final class ReconciliationSteps {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final Supplier<String> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Without a token (for a suite whose services do not check them). */
    public ReconciliationSteps(String baseUrl) {
        this(baseUrl, () -> null);
    }

    /** @param token the caller's access token, e.g. {@code tokens.client(AccessTokens.SUPPORT_AGENT)}; null for none */
    public ReconciliationSteps(String baseUrl, Supplier<String> token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /**
     * Each account's line once the job has reconciled every one of them (its postings all matched, its balance the
     * core's), or as they are after {@code patience}; then every open mismatch.
     */
    public ReconciliationReport reportOnceSettled(List<DemoAccount> accounts, Duration patience) {
        List<ReconciliationLine> lines;
        try {
            lines = Polling.until("every account reconciled", patience, () -> lines(accounts),
                    all -> all.stream().allMatch(line -> line.reconciled() && line.openMismatches() == 0));
        } catch (UnexpectedOutcomeException notYet) {
            lines = lines(accounts);
        }
        return new ReconciliationReport(lines, openMismatches());
    }

    /** Every open mismatch, as {@code kind account reference (core x, suite y)}. */
    public List<String> openMismatches() {
        List<String> open = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get("/v1/mismatches?limit=200"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            page.path("items").forEach(item -> open.add(item.path("kind").asString() + " "
                    + item.path("accountId").asString() + " " + item.path("reference").asString()
                    + " (core " + item.path("coreAmount").path("amount").asString("-") + ", suite "
                    + item.path("suiteAmount").path("amount").asString("-") + ")"));
            cursor = page.path("nextCursor").isMissingNode() ? null : page.path("nextCursor").asString();
        } while (cursor != null);
        return open;
    }

    private List<ReconciliationLine> lines(List<DemoAccount> accounts) {
        return accounts.stream().map(this::line).toList();
    }

    private ReconciliationLine line(DemoAccount account) {
        try {
            JsonNode position = get("/v1/accounts/" + account.accountId() + "/position");
            boolean reconciled = position.hasNonNull("reconciledAt")
                    && position.path("reconciledPostings").asLong() == position.path("postings").asLong()
                    && position.path("suiteBookedBalance").asString().equals(position.path("coreBalance").asString());
            return new ReconciliationLine(account, reconciled, position.path("openMismatches").asInt(),
                    "suite " + position.path("suiteBookedBalance").asString() + ", core entries "
                            + position.path("coreBalance").asString() + ", " + position.path("postings").asLong()
                            + " postings");
        } catch (RuntimeException unreadable) {
            return new ReconciliationLine(account, false, 0, "unreadable: " + unreadable.getMessage());
        }
    }

    private JsonNode get(String path) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
            String bearer = token.get();
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
