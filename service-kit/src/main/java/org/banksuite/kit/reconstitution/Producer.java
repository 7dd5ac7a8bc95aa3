package org.banksuite.kit.reconstitution;

/** Whose events a job replays: a domain and one of its entity types, e.g. {@code accounts/account}. */
public record Producer(String domain, String entityType) {

    @Override
    public String toString() {
        return domain + "/" + entityType;
    }
}
