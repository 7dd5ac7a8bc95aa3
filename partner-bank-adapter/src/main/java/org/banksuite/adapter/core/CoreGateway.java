package org.banksuite.adapter.core;

import org.banksuite.money.Currency;

/**
 * The core, as the adapter reaches it through the proxy. Every call is safe to repeat, which is what makes a retry
 * after a crash or a lost answer harmless: opening is keyed by {@code externalId} (the suite's account id), a payment
 * by its Idempotency-Key (the transfer id), and closure and record-type change are idempotent at the core. Each call
 * is logged as an attempt of its {@link Operation}.
 */
public interface CoreGateway {

    CoreAnswer<CoreAccountNumber> openAccount(Operation operation, String externalId, Currency currency,
                                              String recordType);

    CoreAnswer<Void> closeAccount(Operation operation, CoreAccountNumber account);

    CoreAnswer<Void> changeRecordType(Operation operation, CoreAccountNumber account, String recordType);

    CoreAnswer<CorePaymentResult> submitPayment(Operation operation, String idempotencyKey,
                                                PaymentInstruction instruction);

    /** The payment booked under this key; {@link CoreAnswer.Refused} with 404 when none ever was. */
    CoreAnswer<CorePaymentResult> findPayment(Operation operation, String idempotencyKey);

    /** Entries after {@code cursor} (null: from the first), at most {@code limit}, through the proxy's batch lane. */
    CoreAnswer<CoreEntryPage> listEntries(Operation operation, CoreAccountNumber account, String cursor, int limit);
}
