package org.banksuite.security;

/**
 * The roles the suite's tokens carry in their roles claim ({@code roles} unless {@code suite.security.roles-claim}
 * says otherwise), as Spring Security role names: {@code hasRole(Roles.SUPPORT)} matches the authority
 * {@code ROLE_support}. Who holds which role is the issuer's business (the local stack's clients are in
 * auth-issuer's README); what each role may do is each service's {@link AccessRules}.
 */
public final class Roles {

    /** A BFF acting for one customer; the token's subject is the customer id. */
    public static final String CUSTOMER = "customer";
    /** Support staff: read dead letters, jobs and audit, retry one letter, run dry-run replays. */
    public static final String SUPPORT = "support";
    /** Senior support staff: evict letters, retry all, run real replays, see unmasked payloads. */
    public static final String SUPPORT_LEAD = "support-lead";
    /** Operators of the proxy's quota and the simulator's admin API. */
    public static final String ADMIN = "admin";
    /** Another service of the suite calling by its own identity (client credentials). */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
