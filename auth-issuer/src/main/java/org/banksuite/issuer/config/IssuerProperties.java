package org.banksuite.issuer.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The issuer's settings ({@code issuer.*}).
 *
 * @param uri                 the {@code iss} of every token and the issuer of the discovery documents; set, never
 *                            derived from a request's host, so that resource servers can check it
 * @param stateDir            where the signing key and the clients' secrets are created on first start and read on
 *                            every later one (owner-only files); the local stack uses {@code .suite/auth}
 * @param accessTokenLifetime how long an access token is valid (service-security's README: 5 minutes)
 * @param console             the support console, the one client persons sign in to
 */
@ConfigurationProperties("issuer")
public record IssuerProperties(
        @DefaultValue("http://localhost:8086") URI uri,
        @DefaultValue("./.issuer") Path stateDir,
        @DefaultValue("5m") Duration accessTokenLifetime,
        @DefaultValue Console console) {

    /**
     * The support console's client ({@code support-console}: authorization code with PKCE, confidential).
     *
     * @param redirectUri           where the issuer sends the person back with the code (exactly this URI)
     * @param postLogoutRedirectUri where the issuer sends the person after signing out through the console
     */
    public record Console(
            @DefaultValue("http://localhost:8087/login/oauth2/code/suite") URI redirectUri,
            @DefaultValue("http://localhost:8087/") URI postLogoutRedirectUri) {
    }
}
