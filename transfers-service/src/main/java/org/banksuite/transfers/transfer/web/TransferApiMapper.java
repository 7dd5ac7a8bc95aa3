package org.banksuite.transfers.transfer.web;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.UUID;
import org.banksuite.transfers.api.model.Currency;
import org.banksuite.transfers.api.model.Money;
import org.banksuite.transfers.api.model.RejectionReason;
import org.banksuite.transfers.api.model.Transfer;
import org.banksuite.transfers.api.model.TransferAccepted;
import org.banksuite.transfers.api.model.TransferCreditor;
import org.banksuite.transfers.api.model.TransferPage;
import org.banksuite.transfers.api.model.TransferStatus;
import org.banksuite.transfers.transfer.domain.TransferState;
import org.banksuite.transfers.transfer.query.TransferView;

/** Between the query side and domain on one hand and the generated API types on the other. */
final class TransferApiMapper {

    private TransferApiMapper() {
    }

    static TransferAccepted accepted(TransferState state) {
        return new TransferAccepted()
                .transferId(UUID.fromString(state.transferId()))
                .status(TransferStatus.fromValue(state.status().name()))
                .version(state.version());
    }

    static Transfer transfer(TransferView view) {
        return new Transfer()
                .transferId(UUID.fromString(view.transferId()))
                .status(TransferStatus.fromValue(view.status()))
                .debtorAccountId(UUID.fromString(view.debtorAccountId()))
                .creditor(creditor(view))
                .amount(money(view.amount(), view.currency()))
                .debtorText(view.debtorText())
                .creditorText(view.creditorText())
                .executionDate(view.executionDate())
                .rejectionReason(view.rejectionReason() == null ? null : RejectionReason.fromValue(view.rejectionReason()))
                .rejectionDetail(view.rejectionDetail())
                .coreReference(view.coreReference())
                .requestedAt(view.requestedAt().atOffset(ZoneOffset.UTC))
                .version(view.version());
    }

    static TransferPage page(org.banksuite.transfers.transfer.query.TransferPage page) {
        return new TransferPage()
                .items(page.items().stream().map(TransferApiMapper::transfer).toList())
                .nextCursor(page.nextCursor());
    }

    private static TransferCreditor creditor(TransferView view) {
        if (view.creditorAccountId() != null) {
            return new TransferCreditor().accountId(UUID.fromString(view.creditorAccountId()));
        }
        return new TransferCreditor().registrationNumber(view.creditorRegistrationNumber())
                .accountNumber(view.creditorAccountNumber());
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money().amount(amount.setScale(2).toPlainString()).currency(Currency.fromValue(currency));
    }
}
