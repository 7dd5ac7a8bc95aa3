package org.banksuite.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: the verified token's subject and roles. For a customer the subject is the customer id (the
 * suite's issuer sets it from the BFF's request; another issuer must put the customer id in {@code sub} too), for
 * staff and services their own name.
 *
 * @param subject the token's {@code sub}, never blank
 * @param roles   the roles of the token (without Spring's {@code ROLE_} prefix), possibly empty
 */
public record Caller(String subject, Set<String> roles) {

    private static final String ROLE_PREFIX = "ROLE_";

    public Caller {
        roles = Set.copyOf(roles);
    }

    /**
     * The caller of the request being handled on this thread.
     *
     * @throws IllegalStateException outside an authenticated request (a door left open by mistake must not be
     *                               mistaken for an anonymous customer)
     */
    public static Caller current() {
        return find().orElseThrow(() -> new IllegalStateException("no authenticated caller on this thread"));
    }

    /** The caller of the request being handled on this thread, if it was authenticated. */
    public static Optional<Caller> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            return Optional.empty();
        }
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length())).collect(Collectors.toSet());
        return Optional.of(new Caller(authentication.getName(), roles));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isCustomer() {
        return hasRole(Roles.CUSTOMER);
    }

    /**
     * Whether this caller may see an object owned by {@code customerId}: a customer only their own. Callers that are
     * not customers are not owners of anything; the service's rules decide whether their role may see it at all.
     */
    public boolean owns(String customerId) {
        return isCustomer() && subject.equals(customerId);
    }
}
