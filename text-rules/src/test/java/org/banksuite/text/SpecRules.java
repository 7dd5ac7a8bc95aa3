package org.banksuite.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks OpenAPI specs (as parsed YAML maps) against the rules of service-security's README and OWASP API4:
 * every operation declares {@code security: [{bearerAuth: []}]}, its {@code x-banksuite-roles}, a "Who may call"
 * description and {@code 401}/{@code 403} problem+json answers; every string, array and number a request can carry
 * (parameters and bodies, nested objects included, through {@code $ref}s into other spec files) is bounded.
 * {@link #violations()} lists what breaks a rule, one line each, empty when none does.
 */
final class SpecRules {

    static final Set<String> ROLES = Set.of("customer", "support", "support-lead", "admin", "service");
    /** Formats the generated servers parse into a fixed-size Java type (a malformed value is a 400), so no length. */
    private static final Set<String> PARSED_FORMATS = Set.of("uuid", "date", "date-time");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final Function<String, Map<String, Object>> specs;
    private final Set<String> violations = new LinkedHashSet<>();
    private final Set<String> walked = new HashSet<>();

    /**
     * @param specs the spec of a file name (as {@code $ref}s name them, e.g. {@code partner-core-v1.yaml})
     */
    SpecRules(Function<String, Map<String, Object>> specs) {
        this.specs = specs;
    }

    /** Specs read from a folder, each parsed once. */
    static Function<String, Map<String, Object>> folder(Path folder) {
        Map<String, Map<String, Object>> parsed = new HashMap<>();
        return name -> parsed.computeIfAbsent(Path.of(name).getFileName().toString(), file -> {
            try {
                return new Yaml().load(Files.readString(folder.resolve(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Checks one spec file; call for each, then read {@link #violations()}. Returns the operations it saw. */
    List<String> check(String file) {
        Map<String, Object> spec = specs.apply(file);
        Map<String, Object> scheme = map(path(spec, "components", "securitySchemes", "bearerAuth"));
        if (!"http".equals(scheme.get("type")) || !"bearer".equals(scheme.get("scheme"))
                || !"JWT".equals(scheme.get("bearerFormat")) || scheme.get("description") == null) {
            violations.add(file + ": components.securitySchemes.bearerAuth is not an http bearer JWT scheme with a description");
        }
        List<String> operations = new ArrayList<>();
        map(spec.get("paths")).forEach((pathName, item) -> map(item).forEach((method, op) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            Map<String, Object> operation = map(op);
            String where = file + " " + operation.get("operationId");
            operations.add(where);
            checkDoor(file, where, operation);
            List<Object> parameters = new ArrayList<>(list(map(item).get("parameters")));
            parameters.addAll(list(operation.get("parameters")));
            for (Object parameter : parameters) {
                Ref resolved = resolve(file, map(parameter));
                Map<String, Object> p = resolved.node();
                bounded(resolved.file(), where + " parameter " + p.get("name"), map(p.get("schema")));
            }
            if (operation.get("requestBody") != null) {
                Ref body = resolve(file, map(operation.get("requestBody")));
                map(body.node().get("content")).forEach((type, content) ->
                        bounded(body.file(), where + " body", map(map(content).get("schema"))));
            }
        }));
        return operations;
    }

    Set<String> violations() {
        return violations;
    }

    private void checkDoor(String file, String where, Map<String, Object> operation) {
        if (!List.of(Map.of("bearerAuth", List.of())).equals(operation.get("security"))) {
            violations.add(where + ": security is not [{bearerAuth: []}]");
        }
        List<Object> roles = list(operation.get("x-banksuite-roles"));
        if (roles.isEmpty() || !ROLES.containsAll(roles)) {
            violations.add(where + ": x-banksuite-roles " + roles + " is not a non-empty list of " + ROLES);
        }
        if (!String.valueOf(operation.get("description")).contains("Who may call")) {
            violations.add(where + ": the description does not say who may call it");
        }
        for (String status : List.of("401", "403")) {
            Object response = map(operation.get("responses")).get(status);
            if (response == null) {
                violations.add(where + ": no " + status + " response");
            } else if (!map(resolve(file, map(response)).node().get("content")).containsKey("application/problem+json")) {
                violations.add(where + ": " + status + " is not application/problem+json");
            }
        }
    }

    private void bounded(String file, String where, Map<String, Object> schema) {
        if (schema.get("$ref") != null) {
            String ref = (String) schema.get("$ref");
            Ref resolved = resolve(file, schema);
            String key = (ref.startsWith("#") ? file : "") + ref;
            if (walked.add(key)) {
                bounded(resolved.file(), key, resolved.node());
            }
            return;
        }
        for (String combiner : List.of("allOf", "oneOf", "anyOf")) {
            list(schema.get(combiner)).forEach(part -> bounded(file, where + "/" + combiner, map(part)));
        }
        Object type = schema.get("type");
        if ("string".equals(type) && schema.get("maxLength") == null && schema.get("enum") == null
                && !(schema.get("format") instanceof String format && PARSED_FORMATS.contains(format))) {
            violations.add(where + ": a request string without maxLength");
        }
        if ("array".equals(type)) {
            if (schema.get("maxItems") == null) {
                violations.add(where + ": a request array without maxItems");
            }
            bounded(file, where + "[]", map(schema.get("items")));
        }
        if (("integer".equals(type) || "number".equals(type))
                && (schema.get("minimum") == null || schema.get("maximum") == null)) {
            violations.add(where + ": a request number without minimum and maximum");
        }
        map(schema.get("properties")).forEach((name, property) -> bounded(file, where + "." + name, map(property)));
        if (schema.get("additionalProperties") instanceof Map<?, ?> values) {
            bounded(file, where + ".*", map(values));
        }
    }

    private record Ref(String file, Map<String, Object> node) {
    }

    /** Follows a {@code $ref} ({@code #/a/b} in the same file, or {@code ./other.yaml#/a/b}); no ref: the node itself. */
    private Ref resolve(String file, Map<String, Object> node) {
        Object ref = node.get("$ref");
        if (ref == null) {
            return new Ref(file, node);
        }
        String[] parts = ((String) ref).split("#", 2);
        String target = parts[0].isEmpty() ? file : Path.of(parts[0]).getFileName().toString();
        Object found = specs.apply(target);
        for (String step : parts[1].substring(1).split("/")) {
            found = map(found).get(step.replace("~1", "/").replace("~0", "~"));
        }
        return resolve(target, map(found));
    }

    private static Object path(Map<String, Object> node, String... steps) {
        Object found = node;
        for (String step : steps) {
            found = map(found).get(step);
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return node instanceof List<?> list ? (List<Object>) list : List.of();
    }
}
