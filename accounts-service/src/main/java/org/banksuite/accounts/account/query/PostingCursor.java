package org.banksuite.accounts.account.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque cursor of the postings list: the event sequence of the last posting on the page. Keyset
 * pagination, so pages stay stable while new postings arrive.
 */
final class PostingCursor {

    private static final String PREFIX = "p1:";

    private PostingCursor() {
    }

    static String encode(long eventSequence) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + eventSequence).getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                throw new InvalidCursorException(cursor);
            }
            return Long.parseLong(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException(cursor);
        }
    }
}
