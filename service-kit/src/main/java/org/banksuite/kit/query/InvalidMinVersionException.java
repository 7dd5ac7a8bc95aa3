package org.banksuite.kit.query;

/**
 * A list's {@code minVersion} ({@code <id>:<version>}) that names no entity of that list: answered as
 * {@code 422 invalid-request} naming the parameter, the same whether the entity is unknown or someone else's.
 */
public class InvalidMinVersionException extends IllegalArgumentException {

    public InvalidMinVersionException(String message) {
        super(message);
    }
}
