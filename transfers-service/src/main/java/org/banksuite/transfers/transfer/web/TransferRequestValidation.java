package org.banksuite.transfers.transfer.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;
import org.banksuite.transfers.account.query.AccountReplica;
import org.banksuite.transfers.account.query.ReplicaAccount;
import org.banksuite.transfers.api.model.CreateTransferRequest;
import org.banksuite.transfers.api.model.MoneyInput;
import org.banksuite.transfers.api.model.TransferCreditor;
import org.banksuite.transfers.transfer.domain.Creditor;
import org.banksuite.transfers.transfer.domain.Transfer;
import org.banksuite.transfers.transfer.domain.TransferStatus;
import org.springframework.stereotype.Component;

import static org.banksuite.transfers.transfer.domain.TransferCommand.RequestTransfer;
import static org.banksuite.transfers.transfer.web.TransferRequestProblem.*;

/**
 * The checks of a transfer request's content, in the order of the API spec, turning a request that passes them into
 * the command: the amount, its currency, the creditor, debtor and creditor apart, the execution date against today in
 * Danish time, and the debtor account as the account replica knows it, which must be the caller's own (another
 * customer's account is answered as an unknown one: service-security's README). The first check that fails answers, with a
 * {@link TransferRequestRefusedException}. The fields bean validation covers (present, texts of 1 to 140
 * characters) are taken as checked.
 */
@Component
class TransferRequestValidation {

    /** A request that passed every check: the command to send, and the status the transfer starts in. */
    record ValidatedTransfer(RequestTransfer command, TransferStatus status) {
    }

    /** What an amount column holds: 17 digits before the point, two after. */
    private static final BigDecimal LARGEST_AMOUNT = new BigDecimal("99999999999999999.99");
    private static final Set<String> CURRENCIES_NOT_ALLOWED = Set.of(Currency.SEK.name(), Currency.NOK.name());

    private final AccountReplica accounts;
    private final Clock clock;

    TransferRequestValidation(AccountReplica accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The command for {@code request} sent by {@code customerId} (the caller's token subject), or a
     * {@link TransferRequestRefusedException} naming the first check that failed.
     */
    ValidatedTransfer validate(String transferId, String customerId, CreateTransferRequest request) {
        Money amount = amount(request.getAmount());
        Creditor creditor = suiteAccountByNumber(creditor(request.getCreditor()));
        String debtorAccountId = request.getDebtorAccountId().toString();
        if (creditor.isSuiteAccount() && creditor.accountId().equals(debtorAccountId)) {
            throw new TransferRequestRefusedException(SAME_DEBTOR_AND_CREDITOR,
                    "The creditor must be another account than the debtor's");
        }
        LocalDate today = LocalDate.now(clock.withZone(Transfer.BANKING_ZONE));
        LocalDate executionDate = request.getExecutionDate();
        if (executionDate != null && executionDate.isBefore(today)) {
            throw new TransferRequestRefusedException(EXECUTION_DATE_IN_PAST,
                    "The execution date " + executionDate + " has passed; today is " + today + " in Danish time");
        }
        requireOwnDkkAccountActive(debtorAccountId, customerId);
        TransferStatus status = executionDate != null && executionDate.isAfter(today)
                ? TransferStatus.SCHEDULED : TransferStatus.REQUESTED;
        return new ValidatedTransfer(new RequestTransfer(transferId, debtorAccountId, creditor, amount,
                request.getDebtorText(), request.getCreditorText(), executionDate), status);
    }

    private static Money amount(MoneyInput input) {
        BigDecimal amount = decimal(input == null ? null : input.getAmount());
        if (amount.signum() <= 0) {
            throw new TransferRequestRefusedException(INVALID_AMOUNT,
                    "The amount must be positive, was " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > Currency.MINOR_DIGITS) {
            throw new TransferRequestRefusedException(INVALID_AMOUNT,
                    "The amount has more than " + Currency.MINOR_DIGITS + " decimals: " + amount.toPlainString());
        }
        if (amount.compareTo(LARGEST_AMOUNT) > 0) {
            throw new TransferRequestRefusedException(INVALID_AMOUNT,
                    "The amount is larger than " + LARGEST_AMOUNT.toPlainString());
        }
        if (!Currency.DKK.name().equals(input.getCurrency())) {
            throw new TransferRequestRefusedException(UNSUPPORTED_CURRENCY,
                    "Domestic credit transfers are in DKK only, not " + input.getCurrency());
        }
        return new Money(amount, Currency.DKK);
    }

    private static BigDecimal decimal(String amount) {
        if (amount == null) {
            throw new TransferRequestRefusedException(INVALID_AMOUNT, "An amount is required");
        }
        try {
            return new BigDecimal(amount);
        } catch (NumberFormatException e) {
            throw new TransferRequestRefusedException(INVALID_AMOUNT, "'" + amount + "' is not a decimal amount");
        }
    }

    private static Creditor creditor(TransferCreditor creditor) {
        if (creditor == null) {
            throw new TransferRequestRefusedException(INVALID_CREDITOR, "A creditor is required");
        }
        boolean bankForm = creditor.getRegistrationNumber() != null || creditor.getAccountNumber() != null;
        if (creditor.getAccountId() == null && bankForm
                && (creditor.getRegistrationNumber() == null || creditor.getAccountNumber() == null)) {
            throw new TransferRequestRefusedException(INVALID_CREDITOR,
                    "A creditor at a bank needs both registrationNumber and accountNumber");
        }
        try {
            return new Creditor(creditor.getAccountId() == null ? null : creditor.getAccountId().toString(),
                    creditor.getRegistrationNumber(), creditor.getAccountNumber());
        } catch (IllegalArgumentException e) {
            throw new TransferRequestRefusedException(INVALID_CREDITOR, capitalized(e.getMessage()));
        }
    }

    /**
     * A creditor named by the core number of one of the suite's own accounts is that account, so that the transfer
     * credits it as a suite account ({@code TransferBooked} names it). The numbers the suite's accounts have are the
     * ones the core gave them (the core's own registration number, learnt from {@code AccountActivated}); a number
     * the replica does not know (yet) stays a bank account, whose credit the core's entry then books.
     */
    private Creditor suiteAccountByNumber(Creditor creditor) {
        if (creditor.isSuiteAccount()) {
            return creditor;
        }
        return accounts.accountIdByCoreNumber(creditor.registrationNumber(), creditor.accountNumber())
                .map(Creditor::suiteAccount)
                .orElse(creditor);
    }

    private void requireOwnDkkAccountActive(String accountId, String customerId) {
        ReplicaAccount account = accounts.findOwned(accountId, customerId).orElseThrow(() -> new TransferRequestRefusedException(
                DEBTOR_ACCOUNT_UNKNOWN, "No account " + accountId + " is known (yet); a just-opened account may take"
                        + " a moment to be known"));
        if (!account.isActive()) {
            throw new TransferRequestRefusedException(DEBTOR_ACCOUNT_NOT_ACTIVE,
                    "The debtor account is " + account.status() + ", not ACTIVE");
        }
        if (CURRENCIES_NOT_ALLOWED.contains(account.currency())) {
            throw new TransferRequestRefusedException(DEBTOR_ACCOUNT_CURRENCY_NOT_ALLOWED,
                    "The debtor account is held in " + account.currency() + "; domestic transfers need a DKK account");
        }
        if (!Currency.DKK.name().equals(account.currency())) {
            throw new TransferRequestRefusedException(DEBTOR_ACCOUNT_CURRENCY_MISMATCH,
                    "The debtor account is held in " + account.currency() + ", not in DKK");
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
