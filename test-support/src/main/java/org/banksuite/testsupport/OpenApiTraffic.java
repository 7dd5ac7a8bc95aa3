package org.banksuite.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks real HTTP exchanges against a service's OpenAPI documents (the specs the server is generated from), and
 * keeps every mismatch for the test to fail on: a status the operation does not declare, an answer whose body or
 * content type does not fit the declared response, or a request the spec forbids that the service still accepted
 * (answered 2xx). A request answered 4xx is expected to break the spec (the tests send bad input on purpose), so only
 * its answer is checked. Paths no spec has (the 404 and 405 a test provokes) are only checked to be problems.
 *
 * <p>The first document that has the request's path judges the exchange.
 */
public final class OpenApiTraffic {

    private static final List<String> MISMATCHES = new ArrayList<>();

    private final List<OpenApiInteractionValidator> validators;

    /** Validates against the OpenAPI documents at these classpath locations, e.g. {@code openapi/accounts-v1.yaml}. */
    public OpenApiTraffic(List<String> specLocations) {
        this.validators = specLocations.stream().map(OpenApiTraffic::validator).toList();
    }

    /** Checks one exchange; a mismatch is kept until {@link #assertNoMismatch()}. */
    public void check(Request request, Response response) {
        String exchange = request.getMethod() + " " + request.getPath() + " -> " + response.getStatus();
        for (OpenApiInteractionValidator validator : validators) {
            ValidationReport requestReport = validator.validateRequest(request);
            if (requestReport.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.request.path.missing"))) {
                continue;
            }
            if (requestReport.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.request.operation.notAllowed"))) {
                requireProblem(exchange, response);
                return;
            }
            ValidationReport responseReport = validator.validateResponse(request.getPath(), request.getMethod(), response);
            record(exchange + " (answer)", responseReport);
            if (response.getStatus() < 400) {
                record(exchange + " (request accepted although the spec forbids it)", withoutSecurity(requestReport));
            }
            return;
        }
        requireProblem(exchange, response);
    }

    /** Fails, listing them, when any exchange since the last call broke its spec; forgets them either way. */
    public static void assertNoMismatch() {
        List<String> found;
        synchronized (MISMATCHES) {
            found = List.copyOf(MISMATCHES);
            MISMATCHES.clear();
        }
        if (!found.isEmpty()) {
            throw new AssertionError("HTTP traffic that does not match the OpenAPI spec:\n" + String.join("\n", found));
        }
    }

    private static void requireProblem(String exchange, Response response) {
        String type = response.getContentType().orElse("");
        if (response.getStatus() >= 400 && !type.startsWith("application/problem+json")) {
            keep(exchange + ": an error that is not application/problem+json but " + type);
        }
    }

    private static void record(String exchange, ValidationReport report) {
        if (report.hasErrors()) {
            report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .forEach(m -> keep(exchange + ": " + m.getKey() + " " + m.getMessage()));
        }
    }

    /**
     * The request's shape only: whether it carried the spec's {@code bearerAuth} is the door's question, answered by
     * each service's security tests and end-to-end-tests' {@code AuthorizationMatrixIT} (every operation, every
     * identity), not by the traffic of tests that may run before a service enforces its door.
     */
    private static ValidationReport withoutSecurity(ValidationReport report) {
        return ValidationReport.from(report.getMessages().stream()
                .filter(m -> !m.getKey().startsWith("validation.request.security")).toList());
    }

    private static void keep(String mismatch) {
        synchronized (MISMATCHES) {
            MISMATCHES.add(mismatch);
        }
    }

    private static OpenApiInteractionValidator validator(String location) {
        URL spec = Objects.requireNonNull(OpenApiTraffic.class.getClassLoader().getResource(location),
                () -> location + " is not on the test classpath");
        return OpenApiInteractionValidator.createForSpecificationUrl(spec.toExternalForm()).build();
    }
}
