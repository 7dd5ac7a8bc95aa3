package org.banksuite.kit.query;

import java.util.Locale;

/**
 * A list's {@code minVersion}: the entity a caller wrote and the version its write answered, written
 * {@code <id>:<version>} (e.g. {@code 3f2a…-…:4}), so that a list answers once that write is in it.
 *
 * @param id      the entity's id (a UUID), lowercased
 * @param version the aggregate's version, 0 for the creating event
 */
public record EntityAtVersion(String id, long version) {

    /**
     * Reads {@code <id>:<version>}; the API's pattern has checked the shape before.
     *
     * @throws InvalidMinVersionException if {@code value} is not of that shape after all
     */
    public static EntityAtVersion parse(String value) {
        int colon = value.lastIndexOf(':');
        try {
            return new EntityAtVersion(value.substring(0, colon).toLowerCase(Locale.ROOT),
                    Long.parseLong(value.substring(colon + 1)));
        } catch (IndexOutOfBoundsException | NumberFormatException malformed) {
            throw new InvalidMinVersionException("minVersion is not <id>:<version>");
        }
    }
}
