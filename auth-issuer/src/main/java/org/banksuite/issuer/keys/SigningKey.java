package org.banksuite.issuer.keys;

import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.banksuite.issuer.state.StateDirectory;

/**
 * The issuer's RS256 signing key: an RSA 2048 key pair as a JWK with a {@code kid}, in {@code signing-key.json} of
 * the state directory. Created on first start; every later start signs with the same key, so tokens and the JWKS
 * the services cached stay valid across restarts.
 */
public final class SigningKey {

    public static final String FILE = "signing-key.json";
    static final int KEY_SIZE = 2048;

    private SigningKey() {
    }

    /**
     * The stored key, or a new one written to the state directory.
     *
     * @throws IllegalStateException when the stored file is not a private RSA JWK of at least 2048 bits
     */
    public static RSAKey loadOrCreate(StateDirectory state) {
        return state.read(FILE).map(json -> parse(state, json)).orElseGet(() -> {
            RSAKey key = generate();
            state.write(FILE, key.toJSONString());
            return key;
        });
    }

    private static RSAKey parse(StateDirectory state, String json) {
        try {
            JWK jwk = JWK.parse(json);
            if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate() || rsa.size() < KEY_SIZE || rsa.getKeyID() == null) {
                throw new IllegalStateException(state.file(FILE) + " is not a private RSA key of at least " + KEY_SIZE
                        + " bits with a kid; delete it to have a new key created (tokens signed by the old one are"
                        + " then refused)");
            }
            return rsa;
        } catch (ParseException e) {
            throw new IllegalStateException(state.file(FILE) + " is not a JSON Web Key: " + e.getMessage(), e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(KEY_SIZE).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }
}
