package org.banksuite.kit.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque cursor of a list paged by keyset: the position of the last item on the page, behind a prefix naming the
 * list and its cursor format, and for a list of one owner (an account's postings, a customer's accounts) that
 * owner's key. Pages stay stable while new items arrive, and a cursor of another list, or of the same list of
 * another owner, is refused with {@link InvalidCursorException}.
 */
public final class KeysetCursor {

    private final String prefix;

    /** {@code name} tells lists and cursor versions apart, e.g. {@code "p1"} for postings. */
    public KeysetCursor(String name) {
        this.prefix = name + ":";
    }

    /** The cursor after {@code position} in a list that has no owner (e.g. every open dead letter). */
    public String encode(long position) {
        return encodeAfter(prefix, position);
    }

    /**
     * The cursor after {@code position} in the list of {@code listKey} (e.g. the account id of its postings).
     *
     * @param listKey whose list this is; never null
     */
    public String encode(String listKey, long position) {
        return encodeAfter(keyed(listKey), position);
    }

    /**
     * The position in a cursor made by {@link #encode(String, long)} for the same {@code listKey}.
     *
     * @throws InvalidCursorException if the text is no cursor of this list, or one of another owner's list
     */
    public long decode(String listKey, String cursor) {
        return positionIn(keyed(listKey), cursor);
    }

    /** The position in a cursor made by {@link #encode(long)}; throws {@link InvalidCursorException} otherwise. */
    public long decode(String cursor) {
        return positionIn(prefix, cursor);
    }

    private static String encodeAfter(String fullPrefix, long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((fullPrefix + position).getBytes(StandardCharsets.UTF_8));
    }

    private String keyed(String listKey) {
        return prefix + listKey.length() + ":" + listKey + ":";
    }

    private static long positionIn(String prefix, String cursor) {
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
