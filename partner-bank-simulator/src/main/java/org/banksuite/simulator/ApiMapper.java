package org.banksuite.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import org.banksuite.simulator.api.model.AccountRef;
import org.banksuite.simulator.api.model.CoreAccount.StatusEnum;
import org.banksuite.simulator.api.model.CoreEntry;
import org.banksuite.simulator.api.model.CorePayment;
import org.banksuite.simulator.api.model.FaultSettings;
import org.banksuite.simulator.api.model.Money;
import org.banksuite.simulator.api.model.QuotaState;
import org.banksuite.simulator.api.model.QuotaWindow;

/** Between the types generated from partner-core-v1.yaml and the simulator's own; generated types stay in the web layer. */
final class ApiMapper {

    private ApiMapper() {
    }

    static org.banksuite.simulator.api.model.CoreAccount account(CoreAccount account) {
        return new org.banksuite.simulator.api.model.CoreAccount()
                .registrationNumber(account.registrationNumber())
                .accountNumber(account.accountNumber())
                .externalId(account.externalId())
                .recordType(account.recordType())
                .currency(account.currency())
                .status(StatusEnum.fromValue(account.status()))
                .balance(money(MoneyJson.of(account.balance(), account.currency())));
    }

    static Money money(MoneyJson money) {
        return new Money().amount(money.amount()).currency(money.currency());
    }

    static MoneyJson money(Money money) {
        return money == null ? null : new MoneyJson(money.getAmount(), money.getCurrency());
    }

    static CoreEntry entry(Accounts.Entry entry) {
        return new CoreEntry()
                .entryId(Long.toString(entry.entryId()))
                .amount(money(MoneyJson.of(entry.amount(), entry.currency())))
                .text(entry.text())
                .paymentKey(entry.paymentKey())
                .bookedAt(time(entry.bookedAt()));
    }

    static Payments.PaymentRequest paymentRequest(org.banksuite.simulator.api.model.CorePaymentRequest request) {
        return new Payments.PaymentRequest(ref(request.getDebtor()), ref(request.getCreditor()),
                money(request.getAmount()), request.getText());
    }

    private static Payments.AccountRef ref(AccountRef ref) {
        return ref == null ? null : new Payments.AccountRef(ref.getRegistrationNumber(), ref.getAccountNumber());
    }

    private static AccountRef ref(Payments.AccountRef ref) {
        return new AccountRef().registrationNumber(ref.registrationNumber()).accountNumber(ref.accountNumber());
    }

    static CorePayment payment(Payments.PaymentResult payment) {
        return new CorePayment()
                .paymentId(payment.paymentId())
                .idempotencyKey(payment.idempotencyKey())
                .status(CorePayment.StatusEnum.fromValue(payment.status()))
                .reason(payment.reason())
                .direction(payment.direction() == null ? null : CorePayment.DirectionEnum.fromValue(payment.direction()))
                .debtor(ref(payment.debtor()))
                .creditor(ref(payment.creditor()))
                .amount(money(payment.amount()))
                .text(payment.text());
    }

    static QuotaState quota(Quota.State state) {
        return new QuotaState()
                .limit(state.limit())
                .window(QuotaWindow.fromValue(state.window().name()))
                .used(state.used())
                .windowEndsAt(time(state.windowEndsAt()))
                .refused(state.refused());
    }

    static Quota.Settings quota(org.banksuite.simulator.api.model.QuotaSettings settings) {
        return new Quota.Settings(settings.getLimit(),
                settings.getWindow() == null ? null : Quota.Window.valueOf(settings.getWindow().getValue()));
    }

    static FaultSettings faults(Faults.Settings settings) {
        return new FaultSettings()
                .latencyMillis(settings.latencyMillis())
                .errorRate(settings.errorRate())
                .resetRate(settings.resetRate())
                .dropResponseAfterBookingRate(settings.dropResponseAfterBookingRate())
                .account(settings.account() == null ? null : new AccountRef()
                        .registrationNumber(settings.account().registrationNumber())
                        .accountNumber(settings.account().accountNumber()));
    }

    static Faults.Settings faults(FaultSettings settings) {
        AccountRef account = settings.getAccount();
        return new Faults.Settings(settings.getLatencyMillis(), settings.getErrorRate(), settings.getResetRate(),
                settings.getDropResponseAfterBookingRate(), account == null ? null
                        : new Faults.Account(account.getRegistrationNumber(), account.getAccountNumber()));
    }

    static java.time.OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
