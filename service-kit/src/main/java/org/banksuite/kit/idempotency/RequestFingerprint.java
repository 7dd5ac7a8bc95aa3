package org.banksuite.kit.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.json.JsonMapper;

/** A SHA-256 of a request body as the service understood it, to tell a replay from a reused key. */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(JsonMapper json, Object request) {
        try {
            byte[] canonical = json.writeValueAsString(json.valueToTree(request)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
