package org.banksuite.transfers.transfer.web;

import java.time.Duration;
import java.util.Optional;
import org.banksuite.kit.query.EntityAtVersion;
import org.banksuite.kit.query.InvalidMinVersionException;
import org.banksuite.kit.query.ViewBehindException;
import org.banksuite.kit.query.ViewWait;
import org.banksuite.transfers.account.query.AccountReplica;
import org.banksuite.transfers.transfer.query.TransferRequests;
import org.banksuite.transfers.transfer.query.TransferView;
import org.banksuite.transfers.transfer.query.TransferViews;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads of one transfer that its sender may have just written (issue 15): a transfer the service accepted never reads
 * as unknown to a customer who owns one of its accounts (until the view has it, it reads as requested, from the event
 * store), and a read with a {@code minVersion} waits, at most {@code banksuite.read-your-writes.max-wait} (2 s), for
 * the view to reach it, then answers {@link ViewBehindException}. Another customer's transfer reads as unknown
 * ({@link TransferNotFoundException}), at once.
 */
@Component
class TransferReads {

    private final TransferViews views;
    private final TransferRequests requests;
    private final AccountReplica accounts;
    private final ViewWait wait;

    TransferReads(TransferViews views, TransferRequests requests, AccountReplica accounts,
                  @Value("${banksuite.read-your-writes.max-wait:2s}") Duration maxWait) {
        this.views = views;
        this.requests = requests;
        this.accounts = accounts;
        this.wait = new ViewWait(maxWait);
    }

    /**
     * {@code customerId}'s transfer at {@code minVersion} or later (null: as it is now).
     *
     * @throws TransferNotFoundException for an unknown transfer or one of other customers' accounts
     * @throws ViewBehindException       when the view has not reached {@code minVersion} within the bound
     */
    TransferView transfer(String transferId, String customerId, Long minVersion) {
        long asked = minVersion == null ? 0 : minVersion;
        TransferView known = views.findVisibleTo(transferId, customerId)
                .or(() -> requestedBy(transferId, customerId))
                .orElseThrow(() -> new TransferNotFoundException(transferId));
        if (known.version() >= asked) {
            return known;
        }
        Optional<TransferView> waited = wait.until(() -> views.findVisibleTo(transferId, customerId),
                view -> view.isPresent() && view.get().version() >= asked);
        return waited.filter(view -> view.version() >= asked)
                .orElseThrow(() -> new ViewBehindException(asked, waited.map(TransferView::version).orElse(null)));
    }

    /** The transfer as requested, when the view has not got it yet and one of its accounts is the customer's. */
    private Optional<TransferView> requestedBy(String transferId, String customerId) {
        if (views.find(transferId).isPresent()) {
            return Optional.empty(); // in the view, and not visible to this customer
        }
        return requests.asRequested(transferId).filter(transfer -> owns(customerId, transfer.debtorAccountId())
                || (transfer.creditorAccountId() != null && owns(customerId, transfer.creditorAccountId())));
    }

    private boolean owns(String customerId, String accountId) {
        return accounts.findOwned(accountId, customerId).isPresent();
    }

    /**
     * Waits until the transfer {@code transferAtVersion} names ({@code <transferId>:<version>}, the form the API's
     * pattern checked) is in {@code accountId}'s list at that version or later.
     *
     * @throws InvalidMinVersionException for a transfer that is not {@code accountId}'s (or unknown)
     * @throws ViewBehindException        when the view has not reached it within the bound
     */
    void awaitInAccountList(String accountId, String transferAtVersion) {
        EntityAtVersion written = EntityAtVersion.parse(transferAtVersion);
        String transferId = written.id();
        long asked = written.version();
        boolean inList = views.find(transferId).or(() -> requests.asRequested(transferId))
                .filter(transfer -> accountId.equals(transfer.debtorAccountId())
                        || accountId.equals(transfer.creditorAccountId())).isPresent();
        if (!inList) {
            throw new InvalidMinVersionException("minVersion names no transfer of this account");
        }
        Optional<TransferView> waited = wait.until(() -> views.find(transferId),
                view -> view.isPresent() && view.get().version() >= asked);
        if (waited.filter(view -> view.version() >= asked).isEmpty()) {
            throw new ViewBehindException(asked, waited.map(TransferView::version).orElse(null));
        }
    }
}
