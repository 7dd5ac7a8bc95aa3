package org.banksuite.accounts.account.web;

import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.banksuite.accounts.account.domain.AccountState;
import org.banksuite.accounts.account.domain.Actor;
import org.banksuite.accounts.account.domain.AccountStatus;
import org.banksuite.accounts.account.domain.RecordType;
import org.banksuite.accounts.account.query.AccountPage;
import org.banksuite.accounts.account.query.AccountView;
import org.banksuite.accounts.account.query.AccountViews;
import org.banksuite.accounts.api.AccountsApi;
import org.banksuite.accounts.api.model.Account;
import org.banksuite.accounts.api.model.AccountAccepted;
import org.banksuite.accounts.api.model.AccountList;
import org.banksuite.accounts.api.model.BlockRequest;
import org.banksuite.accounts.api.model.OpenAccountRequest;
import org.banksuite.accounts.api.model.PostingPage;
import org.banksuite.accounts.api.model.RecordTypeChangeRequest;
import org.banksuite.kit.idempotency.CreationCommands;
import org.banksuite.kit.idempotency.IdempotentRequests;
import org.banksuite.money.Currency;
import org.banksuite.security.Caller;
import org.banksuite.text.TextRule;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import static org.banksuite.accounts.account.domain.AccountCommand.*;

/**
 * The accounts API: maps requests to commands and queries, and their answers back. The caller is the verified token's
 * ({@link Caller}); the door ({@code AccessConfig}) let only the roles through that may call each operation. A
 * customer reads their own accounts only (the view's owner; another's answers as unknown), and acts on them through
 * commands that carry the caller as their {@link Actor}, so the aggregate, which knows its owner, refuses another's.
 */
@RestController
class AccountsController implements AccountsApi {

    private static final String OPEN_ACCOUNT = "open-account";
    /** The opening is the account's first event: sequence 0. */
    private static final long OPENING_VERSION = 0;

    private final CommandGateway commands;
    private final AccountViews views;
    private final IdempotentRequests idempotentRequests;
    private final AccountReads reads;

    AccountsController(CommandGateway commands, AccountViews views, IdempotentRequests idempotentRequests,
                       AccountReads reads) {
        this.commands = commands;
        this.views = views;
        this.idempotentRequests = idempotentRequests;
        this.reads = reads;
    }

    /**
     * Opens an account for the caller: the customer is the token's subject. A body {@code customerId} other than it
     * is refused ({@link ForbiddenException}, nothing opened). The Idempotency-Key's request includes the customer, so
     * another customer's request with the same key is refused as a reused key and never gets the first's answer.
     */
    @Override
    public ResponseEntity<AccountAccepted> openAccount(String idempotencyKey, OpenAccountRequest body) {
        String customerId = Caller.current().subject();
        if (body.getCustomerId() != null && !body.getCustomerId().equals(customerId)) {
            throw new ForbiddenException("An account is opened for the caller's own customer id only.");
        }
        if (!TextRule.IDENTIFIER.accepts(customerId)) {
            throw new ForbiddenException("The token's subject is not a customer id this service accepts.");
        }
        OpenAccountRequest request = new OpenAccountRequest().customerId(customerId).currency(body.getCurrency())
                .recordType(body.getRecordType());
        AccountAccepted accepted = idempotentRequests.create(OPEN_ACCOUNT, idempotencyKey, request,
                AccountAccepted.class, accountId -> open(accountId, request), this::current);
        return ResponseEntity.accepted().location(location(accepted.getAccountId().toString())).body(accepted);
    }

    private static URI location(String accountId) {
        return URI.create("/v1/accounts/" + accountId);
    }

    private AccountAccepted open(String accountId, OpenAccountRequest request) {
        CreationCommands.sendOnce(commands, new OpenAccount(accountId, request.getCustomerId(),
                Currency.valueOf(request.getCurrency().getValue()),
                RecordType.valueOf(request.getRecordType().getValue())));
        return AccountApiMapper.accepted(new AccountState(accountId, AccountStatus.PENDING_ACTIVATION, null, false,
                OPENING_VERSION));
    }

    /**
     * The account an earlier attempt with the same key opened, as the query side shows it now (with the view's
     * version); an account not yet projected is still what opening made it (version 0).
     */
    private AccountAccepted current(String accountId) {
        return AccountApiMapper.accepted(views.find(accountId)
                .map(view -> new AccountState(accountId, AccountStatus.valueOf(view.status()),
                        view.pendingRecordType() == null ? null : RecordType.valueOf(view.pendingRecordType()),
                        view.closurePending(), view.version()))
                .orElse(new AccountState(accountId, AccountStatus.PENDING_ACTIVATION, null, false, OPENING_VERSION)));
    }

    /** See {@link AccountReads#account}: an accepted account reads as opened until the view has it. */
    @Override
    public ResponseEntity<Account> getAccount(UUID accountId, Long minVersion) {
        return ResponseEntity.ok(AccountApiMapper.account(reads.account(accountId.toString(), minVersion)));
    }

    /**
     * The caller's own accounts only: another customer's id answers 404 (whether that customer has accounts or not).
     * With {@code minVersion} ({@code <accountId>:<version>}) answered once that account is in the list at that
     * version ({@link AccountReads#awaitInCustomerList}).
     */
    @Override
    public ResponseEntity<AccountList> listCustomerAccounts(String customerId, Integer limit, String cursor,
                                                            String minVersion) {
        if (!Caller.current().owns(customerId)) {
            throw new CustomerNotFoundException();
        }
        if (minVersion != null) {
            reads.awaitInCustomerList(customerId, minVersion);
        }
        AccountPage page = views.ofCustomer(customerId, limit, cursor);
        return ResponseEntity.ok(new AccountList().items(page.items().stream().map(AccountApiMapper::account).toList())
                .nextCursor(page.nextCursor()));
    }

    /** An accepted account the view has not got yet has no postings: an empty page. */
    @Override
    public ResponseEntity<PostingPage> listPostings(UUID accountId, Integer limit, String cursor) {
        AccountView account = reads.visible(accountId.toString());
        return ResponseEntity.ok(AccountApiMapper.postings(views.postings(account.accountId(), limit, cursor),
                org.banksuite.accounts.api.model.Currency.fromValue(account.currency())));
    }

    @Override
    public ResponseEntity<AccountAccepted> requestRecordTypeChange(UUID accountId, RecordTypeChangeRequest request) {
        return accepted(new RequestRecordTypeChange(accountId.toString(),
                RecordType.valueOf(request.getRecordType().getValue()), actor()));
    }

    @Override
    public ResponseEntity<AccountAccepted> requestClosure(UUID accountId) {
        return accepted(new RequestClosure(accountId.toString(), actor()));
    }

    @Override
    public ResponseEntity<AccountAccepted> blockAccount(UUID accountId, BlockRequest request) {
        return accepted(new BlockAccount(accountId.toString(), request.getReason(), actor()));
    }

    @Override
    public ResponseEntity<AccountAccepted> unblockAccount(UUID accountId) {
        return accepted(new UnblockAccount(accountId.toString()));
    }

    /** 202 with the account's state and version after the command, and where to read it. */
    private ResponseEntity<AccountAccepted> accepted(Object command) {
        AccountState state = commands.sendAndWait(command);
        return ResponseEntity.accepted().location(location(state.accountId())).body(AccountApiMapper.accepted(state));
    }

    /** A customer acts as the owner they are; anyone else the door let through acts as staff, under their name. */
    private static Actor actor() {
        Caller caller = Caller.current();
        return caller.isCustomer() ? Actor.customer(caller.subject()) : Actor.staff(caller.subject());
    }
}
