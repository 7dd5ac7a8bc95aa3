package org.banksuite.adapter.core;

import org.banksuite.money.Money;

/** A payment as the core takes it: from one core account to another, with the text the creditor sees. */
public record PaymentInstruction(CoreAccountNumber debtor, CoreAccountNumber creditor, Money amount, String text) {
}
