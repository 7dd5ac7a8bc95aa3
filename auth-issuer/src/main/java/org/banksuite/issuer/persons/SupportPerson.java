package org.banksuite.issuer.persons;

import java.util.List;

/**
 * A person of support staff who signs in at the issuer's login page (the support console's users).
 *
 * @param username the login name, which becomes the {@code sub} of the person's tokens
 * @param password the generated password, in plain text as the state directory keeps it
 * @param roles    the person's roles, the {@code roles} claim of their tokens ({@code support},
 *                 {@code support-lead}), as service-security's README names them
 */
public record SupportPerson(String username, String password, List<String> roles) {

    public SupportPerson {
        roles = List.copyOf(roles);
    }

    @Override
    public String toString() {
        return "SupportPerson[" + username + ", roles=" + roles + "]";
    }
}
