package org.banksuite.adapter.core.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import org.banksuite.adapter.core.CoreAccountNumber;
import org.banksuite.adapter.core.CoreAnswer;
import org.banksuite.adapter.core.CoreEntry;
import org.banksuite.adapter.core.CoreEntryPage;
import org.banksuite.adapter.core.CoreGateway;
import org.banksuite.adapter.core.CorePaymentResult;
import org.banksuite.adapter.core.Operation;
import org.banksuite.adapter.core.PaymentInstruction;
import org.banksuite.adapter.operationlog.Attempt;
import org.banksuite.adapter.operationlog.AttemptOutcome;
import org.banksuite.adapter.operationlog.OperationLog;
import org.banksuite.api.proxy.client.CoreApi;
import org.banksuite.api.proxy.client.model.AccountRef;
import org.banksuite.api.proxy.client.model.CoreAccount;
import org.banksuite.api.proxy.client.model.CorePayment;
import org.banksuite.api.proxy.client.model.CorePaymentRequest;
import org.banksuite.api.proxy.client.model.CreateCoreAccountRequest;
import org.banksuite.api.proxy.client.model.RecordTypeChange;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;

/**
 * The core through the proxy's generated client. Every call becomes a {@link CoreAnswer} (see {@link ProxyAnswers})
 * and an attempt in the {@link OperationLog}. Entry fetches that bring nothing are not logged: the schedule makes
 * them for every open account, and they change nothing.
 */
public class ProxyCoreGateway implements CoreGateway {

    /** A 404 ends the operation, except for a payment's status query, where it means "never booked". */
    private static final boolean FINAL_404 = true;

    private final CoreApi proxy;
    private final OperationLog log;
    private final ProxyAnswers answers;
    private final Clock clock;

    public ProxyCoreGateway(CoreApi proxy, OperationLog log, ProxyAnswers answers, Clock clock) {
        this.proxy = proxy;
        this.log = log;
        this.answers = answers;
        this.clock = clock;
    }

    @Override
    public CoreAnswer<CoreAccountNumber> openAccount(Operation operation, String externalId, Currency currency,
                                                     String recordType) {
        return call(operation, "POST /core/v1/accounts", () -> proxy.createCoreAccount(new CreateCoreAccountRequest()
                        .externalId(externalId).currency(currency.name()).recordType(recordType)),
                ProxyCoreGateway::number, FINAL_404, number -> "OPENED " + number.registrationNumber() + " "
                        + number.accountNumber());
    }

    @Override
    public CoreAnswer<Void> closeAccount(Operation operation, CoreAccountNumber account) {
        return call(operation, "POST " + path(account) + "/closure",
                () -> proxy.closeCoreAccount(account.registrationNumber(), account.accountNumber()),
                closed -> null, FINAL_404, ignored -> "CLOSED");
    }

    @Override
    public CoreAnswer<Void> changeRecordType(Operation operation, CoreAccountNumber account, String recordType) {
        return call(operation, "PUT " + path(account) + "/record-type",
                () -> proxy.changeCoreRecordType(account.registrationNumber(), account.accountNumber(),
                        new RecordTypeChange().recordType(recordType)),
                changed -> null, FINAL_404, ignored -> "RECORD TYPE " + recordType);
    }

    @Override
    public CoreAnswer<CorePaymentResult> submitPayment(Operation operation, String idempotencyKey,
                                                       PaymentInstruction instruction) {
        CorePaymentRequest request = new CorePaymentRequest()
                .debtor(ref(instruction.debtor())).creditor(ref(instruction.creditor()))
                .amount(new org.banksuite.api.proxy.client.model.Money()
                        .amount(instruction.amount().toPlainString()).currency(instruction.amount().currency().name()))
                .text(instruction.text());
        return call(operation, "POST /core/v1/payments", () -> proxy.submitCorePayment(idempotencyKey, request),
                ProxyCoreGateway::result, FINAL_404, ProxyCoreGateway::describe);
    }

    @Override
    public CoreAnswer<CorePaymentResult> findPayment(Operation operation, String idempotencyKey) {
        return call(operation, "GET /core/v1/payments/" + idempotencyKey, () -> proxy.getCorePayment(idempotencyKey),
                ProxyCoreGateway::result, !FINAL_404, ProxyCoreGateway::describe);
    }

    @Override
    public CoreAnswer<CoreEntryPage> listEntries(Operation operation, CoreAccountNumber account, String cursor,
                                                 int limit) {
        return call(operation, "GET " + path(account) + "/entries",
                () -> proxy.listCoreEntries(account.registrationNumber(), account.accountNumber(), cursor, limit),
                page -> new CoreEntryPage(page.getEntries().stream().map(ProxyCoreGateway::entry).toList(),
                        page.getNextCursor()), FINAL_404,
                page -> page.entries().size() + " ENTRIES");
    }

    private <R, T> CoreAnswer<T> call(Operation operation, String call, Supplier<R> request, Function<R, T> map,
                                      boolean notFoundIsFinal, Function<T, String> describe) {
        Instant start = clock.instant();
        ProxyAnswers.Classified<T> classified = answers.classify(request, map);
        Duration duration = Duration.between(start, clock.instant());
        CoreAnswer<T> answer = classified.answer();
        if (!isEmptyFetch(answer)) {
            log.record(operation, attempt(call, start, duration, classified, notFoundIsFinal, describe));
        }
        return answer;
    }

    private static <T> Attempt attempt(String call, Instant start, Duration duration,
                                       ProxyAnswers.Classified<T> classified, boolean notFoundIsFinal,
                                       Function<T, String> describe) {
        return switch (classified.answer()) {
            case CoreAnswer.Done<T>(T value) -> new Attempt(call, start, duration, classified.httpStatus(), null,
                    AttemptOutcome.SUCCEEDED, null, describe.apply(value), true);
            case CoreAnswer.Refused<T> refused -> notFoundIsFinal || !refused.notFound()
                    ? new Attempt(call, start, duration, refused.status(), refused.reason(), AttemptOutcome.REFUSED,
                    null, "REFUSED " + refused.reason(), true)
                    : new Attempt(call, start, duration, refused.status(), refused.reason(), AttemptOutcome.NOT_FOUND,
                    null, "NOT FOUND: never booked", false);
            case CoreAnswer.RetryLater<T> later -> new Attempt(call, start, duration, classified.httpStatus(),
                    later.why(), AttemptOutcome.RETRY_LATER, later.after(), "WAITING " + later.why(), false);
            case CoreAnswer.Unknown<T> unknown -> new Attempt(call, start, duration, classified.httpStatus(),
                    unknown.failure(), AttemptOutcome.UNKNOWN, null, "UNKNOWN " + unknown.failure(), false);
        };
    }

    private static boolean isEmptyFetch(CoreAnswer<?> answer) {
        return answer instanceof CoreAnswer.Done<?>(CoreEntryPage page) && page.entries().isEmpty();
    }

    private static String path(CoreAccountNumber account) {
        return "/core/v1/accounts/" + account.registrationNumber() + "/" + account.accountNumber();
    }

    private static AccountRef ref(CoreAccountNumber number) {
        return new AccountRef().registrationNumber(number.registrationNumber()).accountNumber(number.accountNumber());
    }

    private static CoreAccountNumber number(CoreAccount account) {
        return new CoreAccountNumber(account.getRegistrationNumber(), account.getAccountNumber());
    }

    private static CorePaymentResult result(CorePayment payment) {
        boolean accepted = payment.getStatus() == CorePayment.StatusEnum.ACCEPTED;
        return new CorePaymentResult(payment.getPaymentId().toString(), accepted,
                accepted ? null : payment.getReason());
    }

    private static String describe(CorePaymentResult result) {
        return result.accepted() ? "ACCEPTED " + result.paymentId() : "REJECTED " + result.reason();
    }

    private static CoreEntry entry(org.banksuite.api.proxy.client.model.CoreEntry entry) {
        return new CoreEntry(entry.getEntryId(), Money.of(entry.getAmount().getAmount(),
                Currency.valueOf(entry.getAmount().getCurrency())), entry.getText(), entry.getPaymentKey(),
                entry.getBookedAt().toInstant());
    }
}
