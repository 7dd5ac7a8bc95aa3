package org.banksuite.security;

import java.io.IOException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than the limit with {@code 413} problem+json
 * {@code urn:banksuite:problem:payload-too-large}, before anything reads it (OWASP API4, unrestricted resource
 * consumption). A declared {@code Content-Length} is checked at once; a body without one (chunked) is read up to
 * one byte past the limit and, if it fits, handed on from memory.
 */
final class RequestBodyLimit extends OncePerRequestFilter {

    private final long maxBytes;

    /** @param maxBytes the largest body accepted, in bytes (at least 1) */
    RequestBodyLimit(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("suite.security.max-body-size must be positive");
        }
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(response);
            return;
        }
        if (declared >= 0 || !hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = BufferedRequestBody.readAtMost(request.getInputStream(), maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(response);
            return;
        }
        chain.doFilter(new BufferedRequestBody(request, body), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        Problems.write(response, 413, Problems.PAYLOAD_TOO_LARGE, "Payload too large",
                "The request body is larger than the " + maxBytes + " bytes this API accepts.");
    }
}
