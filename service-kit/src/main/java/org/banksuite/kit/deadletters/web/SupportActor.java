package org.banksuite.kit.deadletters.web;

import org.banksuite.security.Caller;
import org.banksuite.security.Roles;

/**
 * Who is calling the ops API, as the verified token says (never a header such as the former {@code X-Support-User}),
 * and the part of its rules a path cannot express.
 */
public final class SupportActor {

    private SupportActor() {
    }

    /** The token's subject: the audit log's actor. */
    public static String subject() {
        return Caller.current().subject();
    }

    /** Whether the caller sees letters unmasked: only {@code support-lead} sees personal data. */
    public static boolean seesPersonalData() {
        return Caller.current().hasRole(Roles.SUPPORT_LEAD);
    }

    /**
     * A reconstitution job that publishes needs {@code support-lead}; a dry run needs only {@code support}, which the
     * path rules already checked.
     *
     * @throws SupportLeadRequiredException (403 {@code forbidden}) when the job would publish and the caller is not a
     *                                      support lead
     */
    public static void checkMayCreateJob(boolean dryRun) {
        if (!dryRun && !Caller.current().hasRole(Roles.SUPPORT_LEAD)) {
            throw new SupportLeadRequiredException("A reconstitution job that publishes needs the role support-lead; "
                    + "a dry run needs support");
        }
    }
}
