package org.banksuite.adapter.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.banksuite.money.Currency;

/**
 * The core as a saga test scripts it: each call takes the next answer queued for its kind, and is remembered, so a
 * test can say what was sent and in which order.
 */
public class ScriptedCoreGateway implements CoreGateway {

    /** One call, e.g. {@code submit t1} or {@code find t1}. */
    public record Call(String what, String key, Object detail) {
    }

    private final Deque<CoreAnswer<?>> answers = new ArrayDeque<>();
    private final List<Call> calls = new ArrayList<>();

    public ScriptedCoreGateway answering(CoreAnswer<?>... next) {
        answers.addAll(List.of(next));
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<String> callNames() {
        return calls.stream().map(call -> call.what() + " " + call.key()).toList();
    }

    @Override
    public CoreAnswer<CoreAccountNumber> openAccount(Operation operation, String externalId, Currency currency,
                                                     String recordType) {
        return next(new Call("open", externalId, currency + " " + recordType));
    }

    @Override
    public CoreAnswer<Void> closeAccount(Operation operation, CoreAccountNumber account) {
        return next(new Call("close", operation.accountId(), account));
    }

    @Override
    public CoreAnswer<Void> changeRecordType(Operation operation, CoreAccountNumber account, String recordType) {
        return next(new Call("change", operation.accountId(), recordType));
    }

    @Override
    public CoreAnswer<CorePaymentResult> submitPayment(Operation operation, String idempotencyKey,
                                                       PaymentInstruction instruction) {
        return next(new Call("submit", idempotencyKey, instruction));
    }

    @Override
    public CoreAnswer<CorePaymentResult> findPayment(Operation operation, String idempotencyKey) {
        return next(new Call("find", idempotencyKey, null));
    }

    @Override
    public CoreAnswer<CoreEntryPage> listEntries(Operation operation, CoreAccountNumber account, String cursor,
                                                 int limit) {
        return next(new Call("entries", operation.accountId(), cursor));
    }

    @SuppressWarnings("unchecked")
    private <T> CoreAnswer<T> next(Call call) {
        calls.add(call);
        if (answers.isEmpty()) {
            throw new AssertionError("no answer scripted for " + call);
        }
        return (CoreAnswer<T>) answers.poll();
    }
}
