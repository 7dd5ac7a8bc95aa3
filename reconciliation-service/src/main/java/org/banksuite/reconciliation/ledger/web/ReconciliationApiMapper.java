package org.banksuite.reconciliation.ledger.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.banksuite.reconciliation.api.model.AccountPosition;
import org.banksuite.reconciliation.api.model.Mismatch;
import org.banksuite.reconciliation.api.model.Money;
import org.banksuite.reconciliation.ledger.query.MismatchView;
import org.banksuite.reconciliation.ledger.query.PositionView;

/** Views to the generated API types, amounts as decimal strings with two decimals. */
final class ReconciliationApiMapper {

    private ReconciliationApiMapper() {
    }

    static Mismatch mismatch(MismatchView view) {
        return new Mismatch(view.mismatchId(), view.kind(), UUID.fromString(view.accountId()), view.reference(),
                time(view.detectedAt()))
                .coreAmount(money(view.coreAmount(), view.currency()))
                .suiteAmount(money(view.suiteAmount(), view.currency()));
    }

    static AccountPosition position(PositionView view) {
        return new AccountPosition(UUID.fromString(view.accountId()), decimal(view.suiteBalance()),
                decimal(view.coreBalance()), view.postings(), view.coreEntries(), view.openMismatches())
                .currency(view.currency())
                .reconciledAt(view.reconciledAt() == null ? null : time(view.reconciledAt()))
                .reconciledBalance(view.reconciledBalance() == null ? null : decimal(view.reconciledBalance()))
                .reconciledPostings(view.reconciledPostings());
    }

    private static Money money(BigDecimal amount, String currency) {
        return amount == null || currency == null ? null : new Money(decimal(amount), currency);
    }

    private static String decimal(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
