package org.banksuite.console.web;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in, as the header shows it and the pages decide which buttons to offer.
 *
 * @param name  the person's username (the tokens' {@code sub})
 * @param roles the person's support roles
 */
public record SignedInPerson(String name, List<String> roles) {

    public static final String SUPPORT_LEAD = "support-lead";

    /** The person of a signed-in request, or null when nobody is signed in. */
    public static SignedInPerson of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser person)) {
            return null;
        }
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(role -> role.startsWith("support")).sorted().toList();
        return new SignedInPerson(person.getSubject(), roles);
    }

    /** Whether the person may retry all and evict (the APIs' {@code support-lead} operations). */
    public boolean lead() {
        return roles.contains(SUPPORT_LEAD);
    }
}
