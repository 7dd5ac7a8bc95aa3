package org.banksuite.kit.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The suite's problem type for an HTTP status that says all there is to say ({@code 404 not-found}, {@code 405
 * method-not-allowed}, {@code 406 not-acceptable}, {@code 415 unsupported-media-type}, {@code 500 internal-error}, and
 * so on: {@code urn:banksuite:problem:http-<status>} for the rarer ones), used where Spring or the servlet container
 * answers before an API's own handler could.
 */
public final class StatusProblems {

    private StatusProblems() {
    }

    /** The type for {@code status}, e.g. {@code urn:banksuite:problem:method-not-allowed} for 405. */
    public static URI type(int status) {
        return SuiteProblemHandler.problemType(switch (status) {
            case 400 -> "malformed-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "request-too-large";
            case 415 -> "unsupported-media-type";
            case 500 -> "internal-error";
            case 503 -> "service-unavailable";
            default -> "http-" + status;
        });
    }

    /** A problem of {@code status} with its type; 500 says nothing more than that the service failed. */
    public static ProblemDetail of(HttpStatusCode status) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(type(status.value()));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "HTTP " + status.value() : known.getReasonPhrase());
        if (status.value() == 500) {
            problem.setDetail("The service failed to handle the request; retry later, or ask support with the time"
                    + " of the request");
        }
        return problem;
    }

    /**
     * {@code body} with the suite's type for {@code status} where it has none of its own ({@code about:blank}), or a
     * new problem when there is no body; any other body as it is.
     */
    public static Object typed(Object body, HttpStatusCode status) {
        if (body == null) {
            return of(status);
        }
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(type(status.value()));
        }
        return body;
    }
}
