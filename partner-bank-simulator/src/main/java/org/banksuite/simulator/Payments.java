package org.banksuite.simulator;

import org.banksuite.text.TextRule;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments booked once per idempotency key. The payment row is inserted first: a concurrent duplicate waits on
 * the key's unique index until the first transaction commits, then reads its result instead of booking again.
 */
@Service
public class Payments {

    public record AccountRef(String registrationNumber, String accountNumber) {
    }

    public record PaymentRequest(AccountRef debtor, AccountRef creditor, MoneyJson amount, String text) {
    }

    public record PaymentResult(UUID paymentId, String idempotencyKey, String status, String reason, String direction,
            AccountRef debtor, AccountRef creditor, MoneyJson amount, String text) {
    }

    private final JdbcTemplate jdbc;
    private final Accounts accounts;

    Payments(JdbcTemplate jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** Books the payment or records its rejection; the same key returns the first result. */
    @Transactional
    public PaymentResult submit(String idempotencyKey, PaymentRequest request) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new SimulatorProblem(HttpStatus.BAD_REQUEST, SimulatorProblem.IDEMPOTENCY_KEY_MISSING,
                    "Idempotency-Key missing", "a payment needs an Idempotency-Key header");
        }
        validate(request);
        BigDecimal amount = request.amount().positiveAmount();
        String fingerprint = fingerprint(request, amount);
        int inserted = jdbc.update("""
                insert into core_payment (idempotency_key, payment_id, request_fingerprint, debtor_registration_number,
                    debtor_account_number, creditor_registration_number, creditor_account_number, amount, currency, text, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING') on conflict (idempotency_key) do nothing""",
                idempotencyKey, UUID.randomUUID(), fingerprint, request.debtor().registrationNumber(),
                request.debtor().accountNumber(), request.creditor().registrationNumber(),
                request.creditor().accountNumber(), amount, request.amount().currency(), request.text());
        if (inserted == 0) {
            String earlier = jdbc.queryForObject("select request_fingerprint from core_payment where idempotency_key = ?",
                    String.class, idempotencyKey);
            if (!fingerprint.equals(earlier)) {
                throw new SimulatorProblem(HttpStatus.UNPROCESSABLE_CONTENT, SimulatorProblem.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency-Key reused", "payment " + idempotencyKey + " was submitted with a different body");
            }
            return find(idempotencyKey).orElseThrow();
        }
        Outcome outcome = book(idempotencyKey, request, amount);
        jdbc.update("update core_payment set status = ?, reason = ?, direction = ? where idempotency_key = ?",
                outcome.status(), outcome.reason(), outcome.direction(), idempotencyKey);
        return find(idempotencyKey).orElseThrow();
    }

    private record Outcome(String status, String reason, String direction) {
        static Outcome rejected(String reason) {
            return new Outcome("REJECTED", reason, null);
        }
    }

    private Outcome book(String key, PaymentRequest request, BigDecimal amount) {
        String currency = request.amount().currency();
        boolean internal = accounts.registrationNumber().equals(request.creditor().registrationNumber());
        if (!accounts.registrationNumber().equals(request.debtor().registrationNumber())) {
            return Outcome.rejected("DEBTOR_ACCOUNT_UNKNOWN");
        }
        // lock both accounts in one order, so two opposite payments cannot deadlock
        List<AccountRef> toLock = Stream.of(request.debtor(), internal ? request.creditor() : null)
                .filter(ref -> ref != null).distinct()
                .sorted(Comparator.comparing(AccountRef::accountNumber)).toList();
        CoreAccount debtor = null;
        CoreAccount creditor = null;
        for (AccountRef ref : toLock) {
            Optional<CoreAccount> locked = accounts.lock(ref.registrationNumber(), ref.accountNumber());
            if (ref.equals(request.debtor())) {
                debtor = locked.orElse(null);
            }
            if (internal && ref.equals(request.creditor())) {
                creditor = locked.orElse(null);
            }
        }
        if (debtor == null) {
            return Outcome.rejected("DEBTOR_ACCOUNT_UNKNOWN");
        }
        if (CoreAccount.CLOSED.equals(debtor.status())) {
            return Outcome.rejected("DEBTOR_ACCOUNT_CLOSED");
        }
        if (!debtor.currency().equals(currency)) {
            return Outcome.rejected("CURRENCY_MISMATCH");
        }
        if (request.debtor().equals(request.creditor())) {
            return Outcome.rejected("SAME_ACCOUNT");
        }
        if (internal) {
            if (creditor == null) {
                return Outcome.rejected("CREDITOR_ACCOUNT_UNKNOWN");
            }
            if (CoreAccount.CLOSED.equals(creditor.status())) {
                return Outcome.rejected("CREDITOR_ACCOUNT_CLOSED");
            }
            if (!creditor.currency().equals(currency)) {
                return Outcome.rejected("CURRENCY_MISMATCH");
            }
        }
        if (debtor.balance().compareTo(amount) < 0) {
            return Outcome.rejected("INSUFFICIENT_FUNDS");
        }
        accounts.book(debtor, amount.negate(), request.text(), key);
        if (internal) {
            accounts.book(creditor, amount, request.text(), key);
            return new Outcome("ACCEPTED", null, "INTERNAL");
        }
        return new Outcome("ACCEPTED", null, "OUTGOING");
    }

    public Optional<PaymentResult> find(String idempotencyKey) {
        return jdbc.query("select * from core_payment where idempotency_key = ?", (rs, row) -> new PaymentResult(
                rs.getObject("payment_id", UUID.class), rs.getString("idempotency_key"), rs.getString("status"),
                rs.getString("reason"), rs.getString("direction"),
                new AccountRef(rs.getString("debtor_registration_number"), rs.getString("debtor_account_number")),
                new AccountRef(rs.getString("creditor_registration_number"), rs.getString("creditor_account_number")),
                MoneyJson.of(rs.getBigDecimal("amount"), rs.getString("currency")), rs.getString("text")),
                idempotencyKey).stream().findFirst();
    }

    private static void validate(PaymentRequest request) {
        if (request == null || !valid(request.debtor()) || !valid(request.creditor()) || request.amount() == null) {
            throw SimulatorProblem.invalid("debtor and creditor (registrationNumber of 4 digits, accountNumber of up to "
                    + "10 digits) and amount are required");
        }
        TextRule.PAYMENT_TEXT.violation(request.text()).ifPresent(problem -> {
            throw SimulatorProblem.invalidField("text", problem);
        });
    }

    private static boolean valid(AccountRef ref) {
        return ref != null && ref.registrationNumber() != null && ref.registrationNumber().matches("\\d{4}")
                && ref.accountNumber() != null && ref.accountNumber().matches("\\d{1,10}");
    }

    private static String fingerprint(PaymentRequest request, BigDecimal amount) {
        return String.join("|", request.debtor().registrationNumber(), request.debtor().accountNumber(),
                request.creditor().registrationNumber(), request.creditor().accountNumber(), amount.toPlainString(),
                request.amount().currency(), String.valueOf(request.text()));
    }
}
