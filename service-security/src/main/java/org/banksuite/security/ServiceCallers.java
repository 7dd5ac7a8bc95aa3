package org.banksuite.security;

import java.util.Collection;
import java.util.Set;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * A door for named services only: the proxy's {@code /core/v1} admits the adapter, the core's admits the proxy. A
 * role alone is not enough there, because every service of the suite holds role {@code service}.
 */
public final class ServiceCallers {

    private ServiceCallers() {
    }

    /**
     * Grants a caller with role {@link Roles#SERVICE} whose token subject is one of {@code clientIds} (client ids of
     * the issuer, e.g. {@code partner-bank-adapter}); denies everyone else, answered as the door's 403.
     *
     * @param clientIds the services admitted; an empty collection admits nobody
     */
    public static AuthorizationManager<RequestAuthorizationContext> among(Collection<String> clientIds) {
        Set<String> admitted = Set.copyOf(clientIds);
        return (authentication, request) -> {
            Authentication caller = authentication.get();
            boolean service = caller != null && caller.isAuthenticated() && caller.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority).anyMatch(("ROLE_" + Roles.SERVICE)::equals);
            return new AuthorizationDecision(service && admitted.contains(caller.getName()));
        };
    }
}
