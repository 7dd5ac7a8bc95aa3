package org.banksuite.security;

import java.io.IOException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Answers a valid token without the role the path needs: {@code 403} problem+json {@code urn:banksuite:problem:forbidden}. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Problems.write(response, 403, Problems.FORBIDDEN, "Forbidden",
                "The caller's token does not carry a role that may do this.");
    }
}
