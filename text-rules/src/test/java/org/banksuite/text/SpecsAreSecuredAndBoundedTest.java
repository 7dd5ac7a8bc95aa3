package org.banksuite.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 in the specs: every operation of every spec says who may call it (bearer token, roles, 401 and 403
 * problems) and every request input is bounded (OWASP API4), so that a spec change dropping one fails the build.
 * The rules are {@link SpecRules}'; the second test proves they notice a dropped bound or door.
 */
class SpecsAreSecuredAndBoundedTest {

    private static final Path SPECS = Path.of("..", "api-specs", "src", "main", "openapi");

    @Test
    void everyOperationIsBehindTheDoorAndEveryRequestInputIsBounded() throws IOException {
        SpecRules rules = new SpecRules(SpecRules.folder(SPECS));
        List<String> operations = new ArrayList<>();
        try (Stream<Path> specs = Files.list(SPECS)) {
            for (Path spec : specs.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                operations.addAll(rules.check(spec.getFileName().toString()));
            }
        }
        assertThat(rules.violations()).isEmpty();
        assertThat(operations).contains("accounts-v1.yaml openAccount", "ops-v1.yaml createReconstitutionJob",
                "partner-proxy-v1.yaml setProxyQuota", "reconciliation-v1.yaml getAccountPosition").hasSizeGreaterThan(40);
    }

    @Test
    void aSpecThatDropsABoundOrTheDoorIsReported() throws IOException {
        Map<String, Object> accounts = SpecRules.folder(SPECS).apply("accounts-v1.yaml");
        @SuppressWarnings("unchecked")
        Map<String, Object> reason = (Map<String, Object>) dig(accounts, "components", "schemas", "BlockRequest",
                "properties", "reason");
        reason.remove("maxLength");
        @SuppressWarnings("unchecked")
        Map<String, Object> block = (Map<String, Object>) dig(accounts, "paths", "/v1/accounts/{accountId}/block", "post");
        block.remove("security");
        ((Map<?, ?>) block.get("responses")).remove("403");
        @SuppressWarnings("unchecked")
        Map<String, Object> limit = (Map<String, Object>) ((Map<?, ?>) ((List<?>) dig(accounts, "paths",
                "/v1/accounts/{accountId}/postings", "get", "parameters")).get(1)).get("schema");
        limit.remove("maximum");

        SpecRules rules = new SpecRules(name -> name.endsWith("accounts-v1.yaml") ? accounts
                : SpecRules.folder(SPECS).apply(name));
        rules.check("accounts-v1.yaml");

        assertThat(rules.violations()).containsExactlyInAnyOrder(
                "accounts-v1.yaml#/components/schemas/BlockRequest.reason: a request string without maxLength",
                "accounts-v1.yaml blockAccount: security is not [{bearerAuth: []}]",
                "accounts-v1.yaml blockAccount: no 403 response",
                "accounts-v1.yaml listPostings parameter limit: a request number without minimum and maximum");
    }

    private static Object dig(Map<String, Object> node, String... steps) {
        Object found = node;
        for (String step : steps) {
            found = ((Map<?, ?>) found).get(step);
        }
        return found;
    }
}
