package org.banksuite.testsupport;

/** A fresh, empty PostgreSQL database for one test class. */
public record TestDatabase(String name, String jdbcUrl, String username, String password) {
}
