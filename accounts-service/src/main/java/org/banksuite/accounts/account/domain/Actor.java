package org.banksuite.accounts.account.domain;

import java.util.Objects;

/**
 * Who asks for a change of an account: a customer, by their customer id (who may act on their own accounts only), or
 * the bank's staff, by their name (whose role the API's door checked). Taken from the caller's verified token, never
 * from the request's body.
 *
 * @param id       the customer id or the staff member's name; never blank
 * @param customer whether the actor is a customer (and so an owner, or not, of the account)
 */
public record Actor(String id, boolean customer) {

    public Actor {
        if (Objects.requireNonNull(id, "id").isBlank()) {
            throw new IllegalArgumentException("an actor has an id");
        }
    }

    public static Actor customer(String customerId) {
        return new Actor(customerId, true);
    }

    public static Actor staff(String name) {
        return new Actor(name, false);
    }

    /** Whether this actor may act on an account of {@code customerId}: staff on any, a customer on their own. */
    boolean mayActOn(String customerId) {
        return !customer || id.equals(customerId);
    }
}
