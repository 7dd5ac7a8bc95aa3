package org.banksuite.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The RFC 9457 problems the door itself answers, with the suite's stable types. Written by hand because they are
 * answered before Spring MVC (and its message converters) sees the request.
 */
final class Problems {

    static final String UNAUTHORIZED = "urn:banksuite:problem:unauthorized";
    static final String FORBIDDEN = "urn:banksuite:problem:forbidden";
    static final String PAYLOAD_TOO_LARGE = "urn:banksuite:problem:payload-too-large";
    static final String ISSUER_UNAVAILABLE = "urn:banksuite:problem:issuer-unavailable";

    private Problems() {
    }

    /** Writes the problem unless the response is already committed. The texts are constants, never caller input. */
    static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
        response.getWriter().flush();
    }
}
