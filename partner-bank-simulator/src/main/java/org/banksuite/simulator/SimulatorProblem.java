package org.banksuite.simulator;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A refusal answered as {@code application/problem+json} with a stable type. */
public class SimulatorProblem extends RuntimeException {

    static final URI MALFORMED_REQUEST = type("malformed-request");
    static final URI INVALID_REQUEST = type("invalid-request");
    static final URI ACCOUNT_NOT_FOUND = type("core-account-not-found");
    static final URI ACCOUNT_NOT_EMPTY = type("core-account-balance-not-zero");
    static final URI ACCOUNT_CLOSED = type("core-account-closed");
    static final URI PAYMENT_NOT_FOUND = type("core-payment-not-found");
    static final URI IDEMPOTENCY_KEY_MISSING = type("idempotency-key-missing");
    static final URI IDEMPOTENCY_KEY_REUSED = type("idempotency-key-reused");
    static final URI QUOTA_EXCEEDED = type("core-quota-exceeded");
    static final URI INJECTED_FAULT = type("core-injected-fault");

    private final HttpStatus status;
    private final URI type;
    private final String title;
    private final String field;

    SimulatorProblem(HttpStatus status, URI type, String title, String detail) {
        this(status, type, title, detail, null);
    }

    private SimulatorProblem(HttpStatus status, URI type, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
    }

    static URI type(String name) {
        return URI.create("urn:banksuite:problem:" + name);
    }

    static SimulatorProblem invalid(String detail) {
        return new SimulatorProblem(HttpStatus.UNPROCESSABLE_CONTENT, INVALID_REQUEST, "Invalid request", detail);
    }

    /** {@code invalid-request} naming {@code field} in {@code errors}, as the suite's APIs do. */
    static SimulatorProblem invalidField(String field, String message) {
        return new SimulatorProblem(HttpStatus.UNPROCESSABLE_CONTENT, INVALID_REQUEST, "Invalid request",
                field + " " + message, field);
    }

    static SimulatorProblem accountNotFound(String registrationNumber, String accountNumber) {
        return new SimulatorProblem(HttpStatus.NOT_FOUND, ACCOUNT_NOT_FOUND, "Account not found",
                "no account " + registrationNumber + "-" + accountNumber + " at this bank");
    }

    ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(type);
        problem.setTitle(title);
        if (field != null) {
            problem.setProperty("errors", List.of(Map.of("field", field, "message", getMessage().substring(field.length() + 1))));
        }
        return problem;
    }

    HttpStatus status() {
        return status;
    }
}
