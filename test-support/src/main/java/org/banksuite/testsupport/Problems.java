package org.banksuite.testsupport;

import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on the suite's problem answers: {@code application/problem+json} with a stable type, as a client sees it. */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /**
     * Asserts that {@code response} is a problem of {@code status} with type {@code urn:banksuite:problem:<type>} and a
     * title, and returns its body.
     */
    public static JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(response.body()).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).as(response.body()).isEqualTo("urn:banksuite:problem:" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        return problem;
    }

    /** As {@link #assertProblem}, and the problem's {@code errors} name {@code field}. */
    public static JsonNode assertProblemNaming(HttpResponse<String> response, int status, String type, String field) {
        JsonNode problem = assertProblem(response, status, type);
        assertThat(problem.get("errors")).as(response.body()).isNotNull();
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()))
                .as(response.body()).contains(field);
        return problem;
    }
}
