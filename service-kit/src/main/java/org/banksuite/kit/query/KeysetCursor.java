package org.banksuite.kit.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque cursor of a list paged by keyset: the position of the last item on the page, behind a prefix naming the
 * list and its cursor format. Pages stay stable while new items arrive, and a cursor of another list is refused.
 */
public final class KeysetCursor {

    private final String prefix;

    /** {@code name} tells lists and cursor versions apart, e.g. {@code "p1"} for postings. */
    public KeysetCursor(String name) {
        this.prefix = name + ":";
    }

    public String encode(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((prefix + position).getBytes(StandardCharsets.UTF_8));
    }

    public long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(prefix)) {
                throw new InvalidCursorException(cursor);
            }
            return Long.parseLong(text.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException(cursor);
        }
    }
}
