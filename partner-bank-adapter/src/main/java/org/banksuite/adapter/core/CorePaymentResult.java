package org.banksuite.adapter.core;

/** The core's result for a payment: accepted under its {@code paymentId}, or rejected for {@code reason}. */
public record CorePaymentResult(String paymentId, boolean accepted, String reason) {
}
