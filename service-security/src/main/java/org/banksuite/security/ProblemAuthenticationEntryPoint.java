package org.banksuite.security;

import java.io.IOException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request without a valid token: {@code 401} problem+json {@code urn:banksuite:problem:unauthorized} with
 * RFC 6750's {@code WWW-Authenticate: Bearer ...} header (which says why the token was refused). When the token
 * could not be checked because the issuer's keys could not be fetched, the caller is not at fault: {@code 503}
 * {@code urn:banksuite:problem:issuer-unavailable} with {@code Retry-After}.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof AuthenticationServiceException) {
            response.setHeader("Retry-After", "5");
            Problems.write(response, 503, Problems.ISSUER_UNAVAILABLE, "Token issuer unavailable",
                    "The token could not be checked because the issuer's keys could not be fetched; try again.");
            return;
        }
        bearer.commence(request, response, failure);
        Problems.write(response, 401, Problems.UNAUTHORIZED, "Unauthorized",
                "The request needs a valid bearer token from the suite's issuer for this service.");
    }
}
