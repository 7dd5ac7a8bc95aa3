package org.banksuite.issuer.clients;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.banksuite.issuer.state.StateDirectory;

/**
 * The clients' secrets in {@code clients.properties} of the state directory, one {@code client-id=secret} line each,
 * so that a script ({@code ./suite token}) or a launcher can read them. A client without a secret there gets a new
 * one (32 random bytes, base64url), so the first start creates them all and a later start keeps them.
 */
public final class ClientSecrets {

    public static final String FILE = "clients.properties";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientSecrets() {
    }

    /**
     * Each client's secret, by client id, read from the state directory and completed there for clients it lacks.
     *
     * @throws UncheckedIOException when the file cannot be read or written
     */
    public static Map<String, String> loadOrCreate(StateDirectory state, List<SuiteIdentity> clients) {
        return loadOrCreateById(state, clients.stream().map(SuiteIdentity::clientId).toList());
    }

    /**
     * Each client's secret, by client id, for clients named only by their id (the support console, whose tokens
     * speak for a person, not for a {@link SuiteIdentity}).
     *
     * @throws UncheckedIOException when the file cannot be read or written
     */
    public static Map<String, String> loadOrCreateById(StateDirectory state, List<String> clientIds) {
        Map<String, String> secrets = new LinkedHashMap<>(read(state));
        boolean added = false;
        for (String clientId : clientIds) {
            String secret = secrets.get(clientId);
            if (secret == null || secret.isBlank()) {
                secrets.put(clientId, newSecret());
                added = true;
            }
        }
        if (added) {
            state.write(FILE, text(secrets));
        }
        return Map.copyOf(secrets);
    }

    private static Map<String, String> read(StateDirectory state) {
        Map<String, String> secrets = new LinkedHashMap<>();
        state.read(FILE).ifPresent(content -> {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(content));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + state.file(FILE), e);
            }
            properties.stringPropertyNames().stream().sorted()
                    .forEach(clientId -> secrets.put(clientId, properties.getProperty(clientId).trim()));
        });
        return secrets;
    }

    private static String text(Map<String, String> secrets) {
        StringBuilder text = new StringBuilder("# The local issuer's client secrets (client id=secret), generated on its"
                + " first start. Never commit or share them.\n");
        secrets.forEach((clientId, secret) -> text.append(clientId).append('=').append(secret).append('\n'));
        return text.toString();
    }

    private static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
