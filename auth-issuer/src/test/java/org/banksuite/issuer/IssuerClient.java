package org.banksuite.issuer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a running issuer over HTTP as a client would: token requests with client_secret_basic, the JWKS. */
final class IssuerClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;

    IssuerClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** The secrets as a script reads them: {@code clients.properties} in the state directory. */
    static Map<String, String> secrets(Path stateDir) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(stateDir.resolve("clients.properties"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.stringPropertyNames().stream()
                .collect(Collectors.toMap(name -> name, properties::getProperty));
    }

    HttpResponse<String> requestToken(String clientId, String secret, Map<String, String> parameters) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.putAll(parameters);
        return post("/oauth2/token", clientId, secret, form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&")));
    }

    HttpResponse<String> post(String path, String clientId, String secret, String form) {
        String credentials = Base64.getEncoder().encodeToString(
                (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    /** The access token of a successful token response, its signature verified with the issuer's JWKS. */
    SignedJWT verifiedAccessToken(HttpResponse<String> tokenResponse) {
        if (tokenResponse.statusCode() != 200) {
            throw new AssertionError("token request answered " + tokenResponse.statusCode() + ": " + tokenResponse.body());
        }
        try {
            SignedJWT jwt = SignedJWT.parse(json(tokenResponse).path("access_token").asString());
            RSAKey key = (RSAKey) jwks().getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null || !jwt.verify(new RSASSAVerifier(key))) {
                throw new AssertionError("the token's signature does not verify with the JWKS's key "
                        + jwt.getHeader().getKeyID());
            }
            return jwt;
        } catch (ParseException | JOSEException e) {
            throw new AssertionError("not a signed JWT: " + e.getMessage(), e);
        }
    }

    JWKSet jwks() {
        try {
            return JWKSet.parse(get("/oauth2/jwks").body());
        } catch (ParseException e) {
            throw new AssertionError("the JWKS is not a JWK set", e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
