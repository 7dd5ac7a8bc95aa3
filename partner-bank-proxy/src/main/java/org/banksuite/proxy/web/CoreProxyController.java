package org.banksuite.proxy.web;

import org.banksuite.proxy.api.CoreApi;
import org.banksuite.proxy.api.model.CoreAccount;
import org.banksuite.proxy.api.model.CoreBalance;
import org.banksuite.proxy.api.model.CoreEntryPage;
import org.banksuite.proxy.api.model.CorePayment;
import org.banksuite.proxy.api.model.CorePaymentRequest;
import org.banksuite.proxy.api.model.CreateCoreAccountRequest;
import org.banksuite.proxy.api.model.RecordTypeChange;
import org.banksuite.proxy.core.CoreGateway;
import org.banksuite.proxy.quota.domain.Lane;
import org.banksuite.text.TextRule;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import static org.banksuite.proxy.quota.domain.Lane.BATCH;
import static org.banksuite.proxy.quota.domain.Lane.INTERACTIVE;

/**
 * The core's operations, each in its lane through the {@link CoreGateway}; the payment key passes untouched. Texts the
 * core would refuse ({@link TextRule}) are refused here with {@code 422 invalid-request} before any quota is spent.
 */
@RestController
class CoreProxyController implements CoreApi {

    private final CoreGateway gateway;
    private final org.banksuite.api.core.client.CoreApi core;
    private final CoreShapes shapes;

    CoreProxyController(CoreGateway gateway, org.banksuite.api.core.client.CoreApi core, CoreShapes shapes) {
        this.gateway = gateway;
        this.core = core;
        this.shapes = shapes;
    }

    @Override
    public ResponseEntity<CoreAccount> createCoreAccount(CreateCoreAccountRequest request) {
        TextRule.IDENTIFIER.require("externalId", request.getExternalId());
        TextRule.IDENTIFIER.require("recordType", request.getRecordType());
        var answer = gateway.call("create_account", INTERACTIVE, () -> core.createCoreAccount(
                shapes.as(request, org.banksuite.api.core.client.model.CreateCoreAccountRequest.class)));
        return ResponseEntity.status(HttpStatus.CREATED).body(shapes.as(answer, CoreAccount.class));
    }

    @Override
    public ResponseEntity<CoreAccount> closeCoreAccount(String registrationNumber, String accountNumber) {
        var answer = gateway.call("close_account", INTERACTIVE,
                () -> core.closeCoreAccount(registrationNumber, accountNumber));
        return ResponseEntity.ok(shapes.as(answer, CoreAccount.class));
    }

    @Override
    public ResponseEntity<CoreAccount> changeCoreRecordType(String registrationNumber, String accountNumber,
                                                            RecordTypeChange change) {
        TextRule.IDENTIFIER.require("recordType", change.getRecordType());
        var answer = gateway.call("change_record_type", INTERACTIVE, () -> core.changeCoreRecordType(
                registrationNumber, accountNumber,
                shapes.as(change, org.banksuite.api.core.client.model.RecordTypeChange.class)));
        return ResponseEntity.ok(shapes.as(answer, CoreAccount.class));
    }

    @Override
    public ResponseEntity<CoreBalance> getCoreBalance(String registrationNumber, String accountNumber) {
        var answer = gateway.call("get_balance", INTERACTIVE,
                () -> core.getCoreBalance(registrationNumber, accountNumber));
        return ResponseEntity.ok(shapes.as(answer, CoreBalance.class));
    }

    @Override
    public ResponseEntity<CoreEntryPage> listCoreEntries(String registrationNumber, String accountNumber, String after,
                                                         Integer limit) {
        var answer = gateway.call("list_entries", BATCH,
                () -> core.listCoreEntries(registrationNumber, accountNumber, after, limit));
        return ResponseEntity.ok(shapes.as(answer, CoreEntryPage.class));
    }

    @Override
    public ResponseEntity<CorePayment> submitCorePayment(String idempotencyKey, CorePaymentRequest request) {
        TextRule.PAYMENT_TEXT.require("text", request.getText());
        var answer = gateway.call("submit_payment", INTERACTIVE, () -> core.submitCorePayment(idempotencyKey,
                shapes.as(request, org.banksuite.api.core.client.model.CorePaymentRequest.class)));
        return ResponseEntity.status(HttpStatus.CREATED).body(shapes.as(answer, CorePayment.class));
    }

    @Override
    public ResponseEntity<CorePayment> getCorePayment(String idempotencyKey) {
        var answer = gateway.call("get_payment", INTERACTIVE, () -> core.getCorePayment(idempotencyKey));
        return ResponseEntity.ok(shapes.as(answer, CorePayment.class));
    }
}
