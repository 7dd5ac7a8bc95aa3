package org.banksuite.transfers.transfer.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque cursor of an account's transfers list: the list position of the last transfer on the page. Keyset
 * pagination, so pages stay stable while new transfers arrive.
 */
final class TransferCursor {

    private static final String PREFIX = "t1:";

    private TransferCursor() {
    }

    static String encode(long listPosition) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + listPosition).getBytes(StandardCharsets.UTF_8));
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
