package org.banksuite.kit.deadletters.web;

import org.banksuite.security.AccessRules;
import org.banksuite.security.Roles;
import org.springframework.http.HttpMethod;

/**
 * Who may call the kit's ops API (service-security's README, "Who may do what"): {@code support} reads dead letters, jobs
 * (and the producers a job may name) and the audit log, retries one sequence, creates dry-run jobs and cancels jobs; {@code support-lead} alone evicts,
 * retries all and creates jobs that publish (that last check needs the body: {@link SupportActor#checkMayCreateJob}). Only the
 * kit's own paths are named, so a service's rules for its other {@code /ops/v1} paths (transfers' resolutions) are
 * neither shadowed nor widened.
 */
final class OpsAccessRules {

    private static final String[] SUPPORT = {Roles.SUPPORT, Roles.SUPPORT_LEAD};

    private OpsAccessRules() {
    }

    static AccessRules rules() {
        return paths -> paths
                .requestMatchers(HttpMethod.POST, "/ops/v1/dead-letters/retry",
                        "/ops/v1/dead-letters/{sequenceId}/eviction").hasRole(Roles.SUPPORT_LEAD)
                .requestMatchers("/ops/v1/dead-letters", "/ops/v1/dead-letters/**",
                        "/ops/v1/reconstitution-jobs", "/ops/v1/reconstitution-jobs/**",
                        "/ops/v1/reconstitution-producers",
                        "/ops/v1/audit", "/ops/v1/audit/**").hasAnyRole(SUPPORT);
    }
}
