package org.banksuite.endtoend;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.banksuite.launcher.demo.AccessTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, over every operation of every spec of the running suite: each is called without a token and
 * with the token of each identity of the real issuer (customer A on A's own objects, customer B on A's, support,
 * support lead, operator, the adapter and the proxy), and the class of answer must be the one
 * {@code authorization-matrix.csv} gives (the design's table, service-security's README): 401, 403, an exact status
 * (404 for another customer's object, or for an id missing on purpose), or allowed (anything but 401, 403 and 404;
 * a refused 422 passed the door). An operation of a spec without a row, or a row without an operation, fails.
 *
 * <p>Writes are harmless: customer A's own objects (a second account takes the closure and the block), dry-run
 * reconstitution jobs (the one that is not names an entity that does not exist), ids nobody has, an account opened
 * again at the core with the id it was opened with, and the quota and faults set to what they already are. So the
 * class meets the core's faults as every other class does and runs beside them, but apart from a test that sets
 * faults ({@link RunningSuite#CORE_FAULT_WRITES}), lest it write back what it read before they changed.
 */
@ExtendWith(TheSuite.class)
@ResourceLock(value = RunningSuite.CORE_FAULT_SETTINGS, mode = ResourceAccessMode.READ)
@ResourceLock(value = RunningSuite.CORE_FAULT_WRITES, mode = ResourceAccessMode.READ_WRITE)
class AuthorizationMatrixIT {

    private static final Path SPECS = Path.of("..", "api-specs", "src", "main", "openapi");
    private static final List<String> IDENTITIES = List.of("none", "customerA", "customerB", "support", "supportLead",
            "admin", "adapter", "proxy");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String UNKNOWN_ACCOUNT_NUMBER = "9999999999";
    private static final String REASON = "authorization matrix";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Operation(String method, String path, List<Map<String, Object>> parameters) {
    }

    private record Row(String spec, String operationId, String variant, String service, List<String> expected) {

        String key() {
            return spec + " " + operationId;
        }

        String name() {
            return key() + (variant.isEmpty() ? "" : "#" + variant) + " on " + service;
        }
    }

    @Test
    void everyOperationAnswersEachIdentityAsTheDesignSays(RunningSuite suite) throws Exception {
        Map<String, Operation> operations = operations();
        List<Row> rows = rows();
        Set<String> withRows = new TreeSet<>();
        rows.forEach(row -> withRows.add(row.key()));
        assertThat(withRows).as("operations of the matrix").containsExactlyInAnyOrderElementsOf(operations.keySet());
        operations.keySet().stream().filter(key -> key.startsWith("ops-v1.yaml ")).forEach(key ->
                assertThat(rows.stream().filter(row -> row.key().equals(key)).map(Row::service))
                        .as(key + ": every service with /ops/v1").contains("accounts-service", "transfers-service",
                                "partner-bank-adapter"));

        Fixtures fixtures = new Fixtures(suite);
        List<String> wrong = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.join(",", IDENTITIES)).append('\n');
        for (Row row : rows) {
            Operation operation = operations.get(row.key());
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < IDENTITIES.size(); i++) {
                String identity = IDENTITIES.get(i);
                HttpResponse<String> response = call(fixtures, row, operation, fixtures.token(identity));
                answers.add(String.valueOf(response.statusCode()));
                String problem = judge(row.expected().get(i), response);
                if (problem != null) {
                    wrong.add(row.name() + " as " + identity + ": " + problem);
                }
            }
            table.append(row.name()).append(": ").append(String.join(",", answers)).append('\n');
        }
        System.out.println("Authorization matrix, the answers seen (" + String.join(",", IDENTITIES) + "):\n" + table);
        assertThat(wrong).as("answers that are not the design's").isEmpty();
    }

    /** Null when the answer is of the expected class; else what is wrong with it. */
    private static String judge(String expected, HttpResponse<String> response) {
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if ((status == 401 || status == 403) && (!type.startsWith("application/problem+json")
                || !response.body().contains(status == 401 ? "urn:banksuite:problem:unauthorized"
                : "urn:banksuite:problem:forbidden"))) {
            return status + " is not the " + (status == 401 ? "unauthorized" : "forbidden") + " problem: " + type
                    + " " + response.body();
        }
        boolean matches = expected.equals("allowed") ? status != 401 && status != 403 && status != 404
                : Integer.parseInt(expected) == status;
        return matches ? null : "expected " + expected + ", got " + status + " " + abbreviate(response.body());
    }

    private HttpResponse<String> call(Fixtures fixtures, Row row, Operation operation, String token) throws Exception {
        String path = operation.path();
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        for (Map<String, Object> parameter : operation.parameters()) {
            String name = (String) parameter.get("name");
            boolean required = Boolean.TRUE.equals(parameter.get("required"));
            switch ((String) parameter.get("in")) {
                case "path" -> path = path.replace("{" + name + "}", fixtures.pathValue(row, name));
                case "header" -> {
                    if (required && name.equals("Idempotency-Key")) {
                        request.header(name, "matrix-" + UUID.randomUUID());
                    } else if (required) {
                        request.header(name, "matrix");
                    }
                }
                default -> assertThat(required).as(row.name() + ": required " + name + " the matrix does not fill")
                        .isFalse();
            }
        }
        String body = fixtures.body(row);
        request.uri(URI.create(fixtures.baseUrl(row.service()) + path));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(operation.method().toUpperCase(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Operation> operations() throws IOException {
        Map<String, Operation> operations = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(SPECS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                Map<String, Object> spec = new Yaml().load(Files.readString(file));
                map(spec.get("paths")).forEach((path, item) -> map(item).forEach((method, value) -> {
                    if (METHODS.contains(method)) {
                        Map<String, Object> operation = map(value);
                        List<Map<String, Object>> parameters = new ArrayList<>();
                        for (Object parameter : list(operation.get("parameters"))) {
                            parameters.add(resolve(spec, map(parameter)));
                        }
                        operations.put(file.getFileName() + " " + operation.get("operationId"),
                                new Operation(method, path, parameters));
                    }
                }));
            }
        }
        return operations;
    }

    private static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream csv = Objects.requireNonNull(
                AuthorizationMatrixIT.class.getResourceAsStream("/authorization-matrix.csv"))) {
            List<String> lines = new String(csv.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
            assertThat(lines.getFirst()).isEqualTo("spec,operationId,service," + String.join(",", IDENTITIES));
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                assertThat(cells).as(line).hasSize(3 + IDENTITIES.size());
                String[] operation = cells[1].split("#", 2);
                rows.add(new Row(cells[0], operation[0], operation.length > 1 ? operation[1] : "", cells[2],
                        List.of(cells).subList(3, cells.length)));
            }
        }
        return rows;
    }

    private static Map<String, Object> resolve(Map<String, Object> spec, Map<String, Object> node) {
        Object ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        Object found = spec;
        for (String step : ((String) ref).substring(2).split("/")) {
            found = map(found).get(step);
        }
        return map(found);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return node instanceof List<?> list ? (List<Object>) list : List.of();
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    /**
     * The objects the matrix calls on, made before it runs with the identities that may make them: customer A's
     * active account (and a second one for the closure and the block), A's transfer, and the quota and faults as
     * they are (so that setting them changes nothing).
     */
    private final class Fixtures {

        private final RunningSuite suite;
        private final AccessTokens tokens;
        private final String customerA = "matrix-a-" + UUID.randomUUID().toString().substring(0, 8);
        private final String customerB = "matrix-b-" + UUID.randomUUID().toString().substring(0, 8);
        private final String account;
        private final String secondAccount;
        private final String transfer;
        private final String simulatorQuota;
        private final String simulatorFaults;
        private final String proxyQuota;

        Fixtures(RunningSuite suite) throws Exception {
            this.suite = suite;
            this.tokens = suite.tokens();
            this.account = openActiveAccount();
            this.secondAccount = openActiveAccount();
            this.transfer = requestTransfer();
            String operator = tokens.client(AccessTokens.OPERATOR).get();
            String quota = expect(200, send("GET", suite.endpoints().simulatorUrl() + "/admin/v1/quota", operator, null));
            this.simulatorQuota = "{\"limit\": " + field(quota, "limit") + ", \"window\": \"" + text(quota, "window") + "\"}";
            this.simulatorFaults = expect(200, send("GET", suite.endpoints().simulatorUrl() + "/admin/v1/faults", operator,
                    null));
            this.proxyQuota = withoutNulls(JSON.readTree(expect(200, send("GET", suite.proxyUrl() + "/admin/v1/quota",
                    operator, null))).get("limits").toString());
        }

        String token(String identity) {
            return switch (identity) {
                case "none" -> null;
                case "customerA" -> tokens.customer(customerA).get();
                case "customerB" -> tokens.customer(customerB).get();
                case "support" -> tokens.client(AccessTokens.SUPPORT_AGENT).get();
                case "supportLead" -> tokens.client(AccessTokens.SUPPORT_LEAD).get();
                case "admin" -> tokens.client(AccessTokens.OPERATOR).get();
                case "adapter" -> tokens.client(RunningSuite.ADAPTER).get();
                case "proxy" -> tokens.client(RunningSuite.PROXY).get();
                default -> throw new IllegalArgumentException(identity);
            };
        }

        String baseUrl(String service) {
            return switch (service) {
                case "accounts-service" -> suite.endpoints().accountsUrl();
                case "transfers-service" -> suite.endpoints().transfersUrl();
                case "partner-bank-adapter" -> suite.endpoints().adapterUrl();
                case "partner-bank-proxy" -> suite.proxyUrl();
                case "partner-bank-simulator" -> suite.endpoints().simulatorUrl();
                case "reconciliation-service" -> suite.endpoints().reconciliationUrl();
                default -> throw new IllegalArgumentException(service);
            };
        }

        /** A's objects, except where the row's identities that may call are to find nothing (ids nobody has). */
        String pathValue(Row row, String name) {
            return switch (name) {
                case "accountId" -> switch (row.operationId()) {
                    case "requestClosure", "blockAccount", "unblockAccount" -> secondAccount;
                    case "getAccountPosition" -> UUID.randomUUID().toString();
                    default -> account;
                };
                case "customerId" -> customerA;
                case "transferId" -> row.operationId().equals("getTransfer") ? transfer : UUID.randomUUID().toString();
                case "sequenceId" -> "matrix-unknown-sequence";
                case "jobId" -> UUID.randomUUID().toString();
                case "operationId" -> "matrix-unknown-operation";
                case "registrationNumber" -> "1234";
                case "accountNumber" -> UNKNOWN_ACCOUNT_NUMBER;
                case "idempotencyKey" -> "matrix-unknown-payment";
                default -> throw new IllegalArgumentException(row.name() + ": no value for path parameter " + name);
            };
        }

        /** The row's request body: a valid one, so that an identity let through reaches the operation itself. */
        String body(Row row) {
            String reason = "{\"reason\": \"" + REASON + "\"}";
            return switch (row.operationId()) {
                case "openAccount" -> "{\"customerId\": \"" + customerA + "\", \"currency\": \"DKK\", \"recordType\": \"PERSONAL\"}";
                case "requestRecordTypeChange", "changeCoreRecordType" -> "{\"recordType\": \"PERSONAL\"}";
                case "blockAccount", "requestTransferResolution", "retryDeadLetterSequence", "retryAllDeadLetters",
                     "evictDeadLetterSequence", "cancelReconstitutionJob" -> reason;
                case "createTransfer" -> transferBody();
                case "createReconstitutionJob" -> reconstitutionJob(row.service(), !row.variant().equals("notDryRun"));
                case "createCoreAccount" -> "{\"externalId\": \"" + account + "\", \"recordType\": \"PERSONAL\", \"currency\": \"DKK\"}";
                case "submitCorePayment" -> "{\"debtor\": {\"registrationNumber\": \"1234\", \"accountNumber\": \""
                        + UNKNOWN_ACCOUNT_NUMBER + "\"}, \"creditor\": {\"registrationNumber\": \"1551\", "
                        + "\"accountNumber\": \"3512345678\"}, \"amount\": {\"amount\": \"1.00\", \"currency\": \"DKK\"}, "
                        + "\"text\": \"matrix\"}";
                case "injectIncomingPayment" -> "{\"registrationNumber\": \"1234\", \"accountNumber\": \""
                        + UNKNOWN_ACCOUNT_NUMBER + "\", \"amount\": {\"amount\": \"1.00\", \"currency\": \"DKK\"}}";
                case "setQuota" -> simulatorQuota;
                case "setFaults" -> simulatorFaults;
                case "setProxyQuota" -> proxyQuota;
                default -> null;
            };
        }

        private String transferBody() {
            return "{\"debtorAccountId\": \"" + account + "\", \"creditor\": {\"registrationNumber\": \"1551\", "
                    + "\"accountNumber\": \"3512345678\"}, \"amount\": {\"amount\": \"1.00\", \"currency\": \"DKK\"}, "
                    + "\"debtorText\": \"matrix\", \"creditorText\": \"matrix\"}";
        }

        /** A job over an entity no producer has: dry or not, it publishes nothing. */
        private static String reconstitutionJob(String service, boolean dryRun) {
            String producer = switch (service) {
                case "accounts-service" -> "{\"domain\": \"accounts\", \"entityType\": \"account\"}";
                case "transfers-service" -> "{\"domain\": \"transfers\", \"entityType\": \"transfer\"}";
                default -> "{\"domain\": \"partner-bank\", \"entityType\": \"account\"}";
            };
            String receiver = service.equals("accounts-service") ? "transfers-service" : "accounts-service";
            return "{\"receiver\": \"" + receiver + "\", \"producer\": " + producer
                    + ", \"entityIds\": [\"matrix-unknown-entity\"], \"dryRun\": " + dryRun + ", \"reason\": \""
                    + REASON + "\"}";
        }

        private String openActiveAccount() throws Exception {
            String token = tokens.customer(customerA).get();
            HttpRequest.Builder open = HttpRequest.newBuilder(URI.create(suite.endpoints().accountsUrl() + "/v1/accounts"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", "matrix-" + UUID.randomUUID())
                    .POST(HttpRequest.BodyPublishers.ofString(body(new Row("accounts-v1.yaml", "openAccount", "",
                            "accounts-service", List.of()))));
            String id = text(expect(202, http.send(open.build(), HttpResponse.BodyHandlers.ofString())), "accountId");
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                HttpResponse<String> read = send("GET", suite.endpoints().accountsUrl() + "/v1/accounts/" + id,
                        tokens.customer(customerA).get(), null);
                if (read.statusCode() == 200 && "ACTIVE".equals(text(read.body(), "status"))) {
                    return id;
                }
                Thread.sleep(250);
            }
            throw new AssertionError("customer A's account " + id + " was not ACTIVE within " + PATIENCE);
        }

        /** A's transfer of 1.00 from the unfunded account: REJECTED in the end, A's all the same. */
        private String requestTransfer() throws Exception {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (true) {
                HttpRequest.Builder create = HttpRequest.newBuilder(URI.create(suite.endpoints().transfersUrl()
                                + "/v1/transfers")).header("Authorization", "Bearer " + tokens.customer(customerA).get())
                        .header("Content-Type", "application/json").header("Idempotency-Key", "matrix-" + UUID.randomUUID())
                        .POST(HttpRequest.BodyPublishers.ofString(transferBody()));
                HttpResponse<String> created = http.send(create.build(), HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() == 202 || System.nanoTime() > deadline
                        || !created.body().contains("debtor-account-unknown")) {
                    return text(expect(202, created), "transferId");
                }
                Thread.sleep(250);
            }
        }

        private HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String expect(int status, HttpResponse<String> response) {
            assertThat(response.statusCode()).as(response.request().uri() + ": " + response.body()).isEqualTo(status);
            return response.body();
        }
    }


    private static String text(String json, String field) {
        JsonNode value = JSON.readTree(json).get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String field(String json, String field) {
        return JSON.readTree(json).get(field).toString();
    }

    private static String withoutNulls(String json) {
        ObjectNode node = (ObjectNode) JSON.readTree(json);
        List<String> absent = new ArrayList<>();
        node.properties().forEach(entry -> {
            if (entry.getValue().isNull()) {
                absent.add(entry.getKey());
            }
        });
        absent.forEach(node::remove);
        return node.toString();
    }
}
