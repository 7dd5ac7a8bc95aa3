package org.banksuite.accounts.account.web;

import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.banksuite.accounts.account.domain.AccountState;
import org.banksuite.accounts.account.domain.AccountStatus;
import org.banksuite.accounts.account.domain.RecordType;
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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import static org.banksuite.accounts.account.domain.AccountCommand.*;

/** The accounts API: maps requests to commands and queries, and their answers back. */
@RestController
class AccountsController implements AccountsApi {

    private static final String OPEN_ACCOUNT = "open-account";

    private final CommandGateway commands;
    private final AccountViews views;
    private final IdempotentRequests idempotentRequests;

    AccountsController(CommandGateway commands, AccountViews views, IdempotentRequests idempotentRequests) {
        this.commands = commands;
        this.views = views;
        this.idempotentRequests = idempotentRequests;
    }

    @Override
    public ResponseEntity<AccountAccepted> openAccount(String idempotencyKey, OpenAccountRequest request) {
        AccountAccepted accepted = idempotentRequests.create(OPEN_ACCOUNT, idempotencyKey, request,
                AccountAccepted.class, accountId -> open(accountId, request), this::current);
        return ResponseEntity.accepted()
                .location(URI.create("/v1/accounts/" + accepted.getAccountId()))
                .body(accepted);
    }

    private AccountAccepted open(String accountId, OpenAccountRequest request) {
        CreationCommands.sendOnce(commands, new OpenAccount(accountId, request.getCustomerId(),
                Currency.valueOf(request.getCurrency().getValue()),
                RecordType.valueOf(request.getRecordType().getValue())));
        return AccountApiMapper.accepted(new AccountState(accountId, AccountStatus.PENDING_ACTIVATION, null, false));
    }

    /**
     * The account an earlier attempt with the same key opened, as the query side shows it now; an account not yet
     * projected is still what opening made it.
     */
    private AccountAccepted current(String accountId) {
        return AccountApiMapper.accepted(views.find(accountId)
                .map(view -> new AccountState(accountId, AccountStatus.valueOf(view.status()),
                        view.pendingRecordType() == null ? null : RecordType.valueOf(view.pendingRecordType()),
                        view.closurePending()))
                .orElse(new AccountState(accountId, AccountStatus.PENDING_ACTIVATION, null, false)));
    }

    @Override
    public ResponseEntity<Account> getAccount(UUID accountId) {
        return ResponseEntity.ok(AccountApiMapper.account(view(accountId)));
    }

    @Override
    public ResponseEntity<AccountList> listCustomerAccounts(String customerId) {
        return ResponseEntity.ok(new AccountList()
                .items(views.ofCustomer(customerId).stream().map(AccountApiMapper::account).toList()));
    }

    @Override
    public ResponseEntity<PostingPage> listPostings(UUID accountId, Integer limit, String cursor) {
        AccountView account = view(accountId);
        return ResponseEntity.ok(AccountApiMapper.postings(views.postings(account.accountId(), limit, cursor),
                org.banksuite.accounts.api.model.Currency.fromValue(account.currency())));
    }

    @Override
    public ResponseEntity<AccountAccepted> requestRecordTypeChange(UUID accountId, RecordTypeChangeRequest request) {
        return accepted(new RequestRecordTypeChange(accountId.toString(),
                RecordType.valueOf(request.getRecordType().getValue())));
    }

    @Override
    public ResponseEntity<AccountAccepted> requestClosure(UUID accountId) {
        return accepted(new RequestClosure(accountId.toString()));
    }

    @Override
    public ResponseEntity<AccountAccepted> blockAccount(UUID accountId, BlockRequest request) {
        return accepted(new BlockAccount(accountId.toString(), request.getReason()));
    }

    @Override
    public ResponseEntity<AccountAccepted> unblockAccount(UUID accountId) {
        return accepted(new UnblockAccount(accountId.toString()));
    }

    private ResponseEntity<AccountAccepted> accepted(Object command) {
        AccountState state = commands.sendAndWait(command);
        return ResponseEntity.accepted().body(AccountApiMapper.accepted(state));
    }

    private AccountView view(UUID accountId) {
        return views.find(accountId.toString()).orElseThrow(() -> new AccountNotFoundException(accountId.toString()));
    }
}
