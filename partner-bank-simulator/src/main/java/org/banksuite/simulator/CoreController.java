package org.banksuite.simulator;

import java.util.List;
import org.banksuite.simulator.api.CoreApi;
import org.banksuite.simulator.api.model.CoreBalance;
import org.banksuite.simulator.api.model.CoreEntry;
import org.banksuite.simulator.api.model.CoreEntryPage;
import org.banksuite.simulator.api.model.CorePayment;
import org.banksuite.simulator.api.model.CorePaymentRequest;
import org.banksuite.simulator.api.model.CreateCoreAccountRequest;
import org.banksuite.simulator.api.model.RecordTypeChange;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The core's API as the proxy sees it: the interface generated from partner-core-v1.yaml. */
@RestController
class CoreController implements CoreApi {

    private final Accounts accounts;
    private final Payments payments;

    CoreController(Accounts accounts, Payments payments) {
        this.accounts = accounts;
        this.payments = payments;
    }

    @Override
    public ResponseEntity<org.banksuite.simulator.api.model.CoreAccount> createCoreAccount(CreateCoreAccountRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiMapper.account(
                accounts.create(request.getExternalId(), request.getRecordType(), request.getCurrency())));
    }

    @Override
    public ResponseEntity<org.banksuite.simulator.api.model.CoreAccount> closeCoreAccount(String registrationNumber,
            String accountNumber) {
        return ResponseEntity.ok(ApiMapper.account(accounts.close(registrationNumber, accountNumber)));
    }

    @Override
    public ResponseEntity<org.banksuite.simulator.api.model.CoreAccount> changeCoreRecordType(String registrationNumber,
            String accountNumber, RecordTypeChange change) {
        return ResponseEntity.ok(ApiMapper.account(
                accounts.changeRecordType(registrationNumber, accountNumber, change.getRecordType())));
    }

    @Override
    public ResponseEntity<CoreBalance> getCoreBalance(String registrationNumber, String accountNumber) {
        CoreAccount account = accounts.get(registrationNumber, accountNumber);
        return ResponseEntity.ok(new CoreBalance()
                .registrationNumber(account.registrationNumber())
                .accountNumber(account.accountNumber())
                .balance(ApiMapper.money(MoneyJson.of(account.balance(), account.currency())))
                .status(CoreBalance.StatusEnum.fromValue(account.status())));
    }

    @Override
    public ResponseEntity<CoreEntryPage> listCoreEntries(String registrationNumber, String accountNumber, String after,
            Integer limit) {
        accounts.get(registrationNumber, accountNumber);
        long cursor;
        try {
            cursor = after == null || after.isBlank() ? 0 : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw SimulatorProblem.invalid("cursor '" + after + "' is not one this API gave out");
        }
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > 1000) {
            throw SimulatorProblem.invalid("limit must be between 1 and 1000");
        }
        List<CoreEntry> entries = accounts.entries(registrationNumber, accountNumber, cursor, size).stream()
                .map(ApiMapper::entry).toList();
        String next = entries.isEmpty() ? Long.toString(cursor) : entries.getLast().getEntryId();
        return ResponseEntity.ok(new CoreEntryPage().entries(entries).nextCursor(next));
    }

    @Override
    public ResponseEntity<CorePayment> submitCorePayment(String idempotencyKey, CorePaymentRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(ApiMapper.payment(payments.submit(idempotencyKey, ApiMapper.paymentRequest(request))));
    }

    @Override
    public ResponseEntity<CorePayment> getCorePayment(String idempotencyKey) {
        return ResponseEntity.ok(ApiMapper.payment(payments.find(idempotencyKey).orElseThrow(() -> new SimulatorProblem(
                HttpStatus.NOT_FOUND, SimulatorProblem.PAYMENT_NOT_FOUND, "Payment not found",
                "no payment with key " + idempotencyKey))));
    }
}
