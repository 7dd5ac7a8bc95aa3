package org.banksuite.simulator;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import jakarta.servlet.http.HttpServletRequest;
import org.banksuite.security.BufferedRequestBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which account a {@code /core/v1} request is about, for faults confined to one account ({@code FaultSettings.account}
 * in partner-core-v1.yaml): a payment ({@code POST /core/v1/payments}) is about its debtor and its creditor, a request
 * under {@code /core/v1/accounts/{registrationNumber}/{accountNumber}} about that account; any other request (opening
 * an account, asking for a payment by its key) is about none. A body that is not JSON of that shape is about none:
 * the controller answers it as it would without faults.
 */
final class FaultScope {

    private static final String PAYMENTS = "/core/v1/payments";
    private static final String ACCOUNTS = "/core/v1/accounts/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FaultScope() {
    }

    /** A request as the gate hands it on: a payment's body read into memory, to be read again by the controller. */
    record Request(HttpServletRequest servletRequest, List<Faults.Account> accounts) {

        boolean isAbout(Faults.Account account) {
            return accounts.contains(account);
        }
    }

    /**
     * Reads what {@code request} is about; a payment's body is read here and handed on from memory.
     *
     * @throws IOException when the client's stream fails while its body is read
     */
    static Request of(HttpServletRequest request) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(ACCOUNTS)) {
            String[] segments = path.substring(ACCOUNTS.length()).split("/");
            return new Request(request, segments.length >= 2
                    ? List.of(new Faults.Account(segments[0], segments[1])) : List.of());
        }
        if (path.equals(PAYMENTS) && "POST".equals(request.getMethod())) {
            BufferedRequestBody buffered = new BufferedRequestBody(request, request.getInputStream().readAllBytes());
            return new Request(buffered, partiesOf(buffered.body()));
        }
        return new Request(request, List.of());
    }

    private static List<Faults.Account> partiesOf(byte[] payment) {
        try {
            JsonNode body = JSON.readTree(payment);
            return Stream.of(account(body.path("debtor")), account(body.path("creditor")))
                    .filter(Objects::nonNull).toList();
        } catch (JacksonException notJson) {
            return List.of();
        }
    }

    private static Faults.Account account(JsonNode reference) {
        JsonNode registration = reference.path("registrationNumber");
        JsonNode number = reference.path("accountNumber");
        return registration.isString() && number.isString()
                ? new Faults.Account(registration.stringValue(), number.stringValue()) : null;
    }
}
