package org.banksuite.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI specs say each text rule as {@code minLength}, {@code maxLength} and {@code pattern}: every pattern of a
 * spec that speaks of control characters is one rule's, with that rule's lengths beside it, so spec and code cannot
 * drift apart.
 */
class SpecsFollowTheRulesTest {

    private static final Path SPECS = Path.of("..", "api-specs", "src", "main", "openapi");

    @Test
    void everyTextPatternInTheSpecsIsOneRuleWithItsLengths() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> specs = Files.list(SPECS)) {
            for (Path spec : specs.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                List<String> lines = Files.readAllLines(spec);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).trim();
                    if (line.startsWith("pattern:") && line.contains("\\u0000")) {
                        String pattern = line.substring("pattern:".length()).trim().replaceAll("^'|'$", "");
                        TextRule rule = Arrays.stream(TextRule.values()).filter(r -> r.pattern().equals(pattern))
                                .findFirst().orElseThrow(() -> new AssertionError(spec + ": no rule has " + pattern));
                        List<String> around = lines.subList(Math.max(0, i - 4), Math.min(lines.size(), i + 4))
                                .stream().map(String::trim).toList();
                        assertThat(around).as(spec.getFileName() + " near line " + (i + 1))
                                .contains("maxLength: " + rule.maxLength());
                        if (rule.minLength() > 0) {
                            assertThat(around).as(spec.getFileName() + " near line " + (i + 1))
                                    .contains("minLength: " + rule.minLength());
                        }
                        found.add(spec.getFileName() + ":" + rule);
                    }
                }
            }
        }
        assertThat(found).anyMatch(f -> f.startsWith("partner-core-v1.yaml:PAYMENT_TEXT"))
                .anyMatch(f -> f.startsWith("transfers-v1.yaml:PAYMENT_TEXT"))
                .anyMatch(f -> f.startsWith("accounts-v1.yaml:IDENTIFIER"))
                .anyMatch(f -> f.startsWith("accounts-v1.yaml:REASON"))
                .anyMatch(f -> f.startsWith("ops-v1.yaml:REASON"));
    }
}
