package org.banksuite.accounts.account.web;

import java.time.Duration;
import java.util.Optional;
import org.banksuite.accounts.account.query.AccountOpenings;
import org.banksuite.accounts.account.query.AccountView;
import org.banksuite.accounts.account.query.AccountViews;
import org.banksuite.kit.query.EntityAtVersion;
import org.banksuite.kit.query.InvalidMinVersionException;
import org.banksuite.kit.query.ViewBehindException;
import org.banksuite.kit.query.ViewWait;
import org.banksuite.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads of one account that its owner may have just written (issue 15): an account the service accepted never reads
 * as unknown to its owner (until the view has it, it reads as opened, from the event store), and a read with a
 * {@code minVersion} waits, at most {@code banksuite.read-your-writes.max-wait} (2 s), for the view to reach it, then
 * answers {@link ViewBehindException}. Another customer's account reads as unknown ({@link AccountNotFoundException}),
 * at once.
 */
@Component
class AccountReads {

    private final AccountViews views;
    private final AccountOpenings openings;
    private final ViewWait wait;

    AccountReads(AccountViews views, AccountOpenings openings,
                 @Value("${banksuite.read-your-writes.max-wait:2s}") Duration maxWait) {
        this.views = views;
        this.openings = openings;
        this.wait = new ViewWait(maxWait);
    }

    /**
     * The caller's account at {@code minVersion} or later (null: as it is now).
     *
     * @throws AccountNotFoundException for an unknown account or another customer's
     * @throws ViewBehindException      when the view has not reached {@code minVersion} within the bound
     */
    AccountView account(String accountId, Long minVersion) {
        long asked = minVersion == null ? 0 : minVersion;
        AccountView known = visible(accountId);
        if (known.version() >= asked) {
            return known;
        }
        Optional<AccountView> waited = wait.until(() -> views.find(accountId),
                view -> view.isPresent() && view.get().version() >= asked);
        return waited.filter(view -> view.version() >= asked)
                .orElseThrow(() -> new ViewBehindException(asked, waited.map(AccountView::version).orElse(null)));
    }

    /**
     * The caller's account as the view has it, or as opened when the view has not got it yet.
     *
     * @throws AccountNotFoundException for an unknown account or another customer's
     */
    AccountView visible(String accountId) {
        Caller caller = Caller.current();
        return views.find(accountId).or(() -> openings.asOpened(accountId))
                .filter(account -> caller.owns(account.customerId()))
                .orElseThrow(() -> new AccountNotFoundException(accountId));
    }

    /**
     * Waits until the account {@code accountAtVersion} names ({@code <accountId>:<version>}, the form the API's
     * pattern checked) is in {@code customerId}'s list at that version or later.
     *
     * @throws InvalidMinVersionException for an account that is not {@code customerId}'s (or unknown)
     * @throws ViewBehindException      when the view has not reached it within the bound
     */
    void awaitInCustomerList(String customerId, String accountAtVersion) {
        EntityAtVersion written = EntityAtVersion.parse(accountAtVersion);
        String accountId = written.id();
        long asked = written.version();
        boolean inList = views.find(accountId).or(() -> openings.asOpened(accountId))
                .filter(account -> account.customerId().equals(customerId)).isPresent();
        if (!inList) {
            throw new InvalidMinVersionException("minVersion names no account of this customer");
        }
        Optional<AccountView> waited = wait.until(() -> views.find(accountId),
                view -> view.isPresent() && view.get().version() >= asked);
        if (waited.filter(view -> view.version() >= asked).isEmpty()) {
            throw new ViewBehindException(asked, waited.map(AccountView::version).orElse(null));
        }
    }
}
