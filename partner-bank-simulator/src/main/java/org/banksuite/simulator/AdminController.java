package org.banksuite.simulator;

import org.banksuite.simulator.api.SimulatorAdminApi;
import org.banksuite.simulator.api.model.FaultSettings;
import org.banksuite.simulator.api.model.IncomingPayment;
import org.banksuite.simulator.api.model.IncomingPaymentBooked;
import org.banksuite.simulator.api.model.QuotaSettings;
import org.banksuite.simulator.api.model.QuotaState;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The admin API for tests and the local stack: incoming payments, balances, quota and faults. Never counted or faulted. */
@RestController
class AdminController implements SimulatorAdminApi {

    private final Accounts accounts;
    private final Quota quota;
    private final Faults faults;

    AdminController(Accounts accounts, Quota quota, Faults faults) {
        this.accounts = accounts;
        this.quota = quota;
        this.faults = faults;
    }

    @Override
    public ResponseEntity<IncomingPaymentBooked> injectIncomingPayment(IncomingPayment payment) {
        Accounts.Entry entry = accounts.receive(payment.getRegistrationNumber(), payment.getAccountNumber(),
                ApiMapper.money(payment.getAmount()), payment.getText());
        return ResponseEntity.status(HttpStatus.CREATED).body(new IncomingPaymentBooked()
                .entryId(Long.toString(entry.entryId()))
                .registrationNumber(payment.getRegistrationNumber())
                .accountNumber(payment.getAccountNumber())
                .amount(ApiMapper.money(MoneyJson.of(entry.amount(), entry.currency())))
                .text(entry.text())
                .bookedAt(ApiMapper.time(entry.bookedAt())));
    }

    @Override
    public ResponseEntity<org.banksuite.simulator.api.model.CoreAccount> getSimulatedAccount(String registrationNumber,
            String accountNumber) {
        return ResponseEntity.ok(ApiMapper.account(accounts.get(registrationNumber, accountNumber)));
    }

    @Override
    public ResponseEntity<QuotaState> getQuota() {
        return ResponseEntity.ok(ApiMapper.quota(quota.state()));
    }

    @Override
    public ResponseEntity<QuotaState> setQuota(QuotaSettings settings) {
        return ResponseEntity.ok(ApiMapper.quota(quota.configure(ApiMapper.quota(settings))));
    }

    @Override
    public ResponseEntity<FaultSettings> getFaults() {
        return ResponseEntity.ok(ApiMapper.faults(faults.current()));
    }

    @Override
    public ResponseEntity<FaultSettings> setFaults(FaultSettings settings) {
        return ResponseEntity.ok(ApiMapper.faults(faults.set(ApiMapper.faults(settings))));
    }

    @Override
    public ResponseEntity<Void> clearFaults() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }
}
