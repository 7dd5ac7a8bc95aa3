package org.banksuite.console.deadletters.client;

import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a failed {@code /ops/v1} call into words for the page: the service's {@code application/problem+json}
 * (title and detail), a 403 as what the person's roles may not do, a service that does not answer as unavailable.
 * Never an exception for the page to turn into a 500.
 */
public final class OpsRefusals {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpsRefusals() {
    }

    /** The failure of a call to {@code service} in words; never null. */
    public static String describe(String service, RestClientException failure) {
        if (failure instanceof RestClientResponseException answer) {
            int status = answer.getStatusCode().value();
            if (status == 403) {
                return "Not allowed: " + service + " refused this for your roles (403 forbidden).";
            }
            if (status == 401) {
                return service + " did not accept your sign-in (401); sign out and in again.";
            }
            return service + " answered " + status + ": " + problem(answer);
        }
        if (failure instanceof ResourceAccessException) {
            return service + " is unavailable (it does not answer).";
        }
        return service + " could not be asked: " + failure.getMessage();
    }

    private static String problem(RestClientResponseException answer) {
        try {
            JsonNode problem = JSON.readTree(answer.getResponseBodyAsString());
            String title = text(problem, "title");
            String detail = text(problem, "detail");
            String text = detail.isBlank() ? title : title + " — " + detail;
            return text.isBlank() ? answer.getStatusText() : text;
        } catch (RuntimeException notJson) {
            return answer.getStatusText();
        }
    }

    private static String text(JsonNode problem, String field) {
        JsonNode value = problem.get(field);
        return value != null && value.isString() ? value.stringValue() : "";
    }
}
