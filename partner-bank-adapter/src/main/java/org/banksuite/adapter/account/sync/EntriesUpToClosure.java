package org.banksuite.adapter.account.sync;

import org.banksuite.adapter.core.CoreAccountNumber;

/**
 * Takes every entry the core booked on an account it has just closed, so that they are published before the closure
 * (on the account's key, they precede {@code CoreAccountClosed} on the partition) and accounts-service books them
 * before it confirms the closure. The core serves the entries of a closed account; no entry follows a closure.
 */
public interface EntriesUpToClosure {

    /**
     * @return {@link SyncOutcome#CAUGHT_UP} once the last entry is taken, or when to try again (the core did not
     *         answer, refused, or there were more pages than one run takes)
     */
    SyncOutcome syncUpToClosure(String accountId, CoreAccountNumber number);
}
