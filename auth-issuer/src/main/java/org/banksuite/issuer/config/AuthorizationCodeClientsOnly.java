package org.banksuite.issuer.config;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An authorization request naming a client without the authorization-code grant (the client-credentials clients,
 * which have no redirect URI) is answered {@code 400 {"error": "unauthorized_client"}} and sent nowhere. Spring
 * Authorization Server 7.1.1 would fail on it with a {@code NoSuchElementException} (a 500): its grant-type check
 * builds the error's redirect from the client's first redirect URI. Runs before its endpoint filters; every other
 * request, and a request for the support console or an unknown client, passes on unchanged.
 */
final class AuthorizationCodeClientsOnly extends OncePerRequestFilter {

    private final RequestMatcher authorizationEndpoint;
    private final RegisteredClientRepository clients;

    AuthorizationCodeClientsOnly(String authorizationEndpoint, RegisteredClientRepository clients) {
        this.authorizationEndpoint = PathPatternRequestMatcher.pathPattern(authorizationEndpoint);
        this.clients = clients;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String clientId = request.getParameter("client_id");
        RegisteredClient client = authorizationEndpoint.matches(request) && clientId != null
                ? clients.findByClientId(clientId) : null;
        if (client != null && !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.AUTHORIZATION_CODE)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"error\":\"unauthorized_client\","
                    + "\"error_description\":\"this client may not use the authorization endpoint\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
