package org.banksuite.transfers.transfer.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;
import org.banksuite.testsupport.RealInfrastructureExtension;
import org.banksuite.testsupport.TestDatabase;
import org.banksuite.transfers.account.query.AccountReplica;
import org.banksuite.transfers.api.model.CreateTransferRequest;
import org.banksuite.transfers.api.model.MoneyInput;
import org.banksuite.transfers.api.model.TransferCreditor;
import org.banksuite.transfers.transfer.domain.Creditor;
import org.banksuite.transfers.transfer.domain.TransferStatus;
import org.banksuite.transfers.transfer.web.TransferRequestValidation.ValidatedTransfer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.banksuite.transfers.transfer.domain.TransferCommand.RequestTransfer;
import static org.banksuite.transfers.transfer.web.TransferRequestProblem.*;

/**
 * The checks of a transfer request, one problem type per test, against a real account replica. "Today" is
 * 2026-11-23 in Copenhagen, while it is still 2026-11-22 in UTC.
 */
@ExtendWith(RealInfrastructureExtension.class)
class TransferRequestValidationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T23:30:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    private static final String OWNER = "alice";
    private static final UUID DEBTOR = UUID.randomUUID();
    private static final UUID CREDITOR = UUID.randomUUID();

    private final JdbcTemplate jdbc;
    private final TransferRequestValidation validation;

    TransferRequestValidationTest(TestDatabase database) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/kit", "classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        validation = new TransferRequestValidation(new AccountReplica(jdbc), CLOCK);
    }

    @BeforeEach
    void anActiveDkkDebtorAccount() {
        jdbc.update("delete from account_replica");
        account(DEBTOR, "DKK", "ACTIVE");
    }

    @Test
    void turnsATransferDueTodayIntoARequest() {
        ValidatedTransfer transfer = validation.validate("t1", OWNER, request().executionDate(TODAY));

        assertThat(transfer.status()).isEqualTo(TransferStatus.REQUESTED);
        assertThat(transfer.command()).isEqualTo(new RequestTransfer("t1", DEBTOR.toString(),
                Creditor.suiteAccount(CREDITOR.toString()), Money.of("125.50", Currency.DKK), "rent", "rent from Bo",
                TODAY));
    }

    @Test
    void takesATransferWithoutDateAsDueToday() {
        assertThat(validation.validate("t2", OWNER, request()).status()).isEqualTo(TransferStatus.REQUESTED);
    }

    @Test
    void schedulesATransferForALaterDate() {
        assertThat(validation.validate("t3", OWNER, request().executionDate(TODAY.plusDays(1))).status())
                .isEqualTo(TransferStatus.SCHEDULED);
    }

    @Test
    void acceptsABankAccountAsCreditor() {
        ValidatedTransfer transfer = validation.validate("t4", OWNER, request().creditor(bankAccount("1551", "3512345678")));

        assertThat(transfer.command().creditor()).isEqualTo(Creditor.bankAccount("1551", "3512345678"));
    }

    @Test
    void acceptsTrailingZerosBeyondTwoDecimals() {
        ValidatedTransfer transfer = validation.validate("t5", OWNER, request().amount(new MoneyInput("10.500", "DKK")));

        assertThat(transfer.command().amount()).isEqualTo(Money.of("10.50", Currency.DKK));
    }

    @Test
    void refusesAZeroAmount() {
        assertRefused(request().amount(new MoneyInput("0.00", "DKK")), INVALID_AMOUNT);
    }

    @Test
    void refusesANegativeAmount() {
        assertRefused(request().amount(new MoneyInput("-5", "DKK")), INVALID_AMOUNT);
    }

    @Test
    void refusesAnAmountThatIsNoNumber() {
        assertRefused(request().amount(new MoneyInput("12,50", "DKK")), INVALID_AMOUNT);
    }

    @Test
    void refusesAnAmountWithMoreThanTwoDecimals() {
        assertRefused(request().amount(new MoneyInput("1.005", "DKK")), INVALID_AMOUNT);
    }

    @Test
    void refusesAnAmountLargerThanTheBooksHold() {
        assertRefused(request().amount(new MoneyInput("100000000000000000", "DKK")), INVALID_AMOUNT);
    }

    @Test
    void refusesACurrencyOtherThanDkk() {
        assertRefused(request().amount(new MoneyInput("125.50", "EUR")), UNSUPPORTED_CURRENCY);
    }

    @Test
    void refusesACreditorInBothForms() {
        assertRefused(request().creditor(bankAccount("1551", "42").accountId(CREDITOR)), INVALID_CREDITOR);
    }

    @Test
    void refusesACreditorInNeitherForm() {
        assertRefused(request().creditor(new TransferCreditor()), INVALID_CREDITOR);
    }

    @Test
    void refusesHalfABankAccount() {
        assertRefused(request().creditor(new TransferCreditor().registrationNumber("1551")), INVALID_CREDITOR);
    }

    @Test
    void refusesARegistrationNumberThatIsNotFourDigits() {
        assertRefused(request().creditor(bankAccount("155", "42")), INVALID_CREDITOR);
    }

    @Test
    void refusesTheDebtorAccountAsCreditor() {
        assertRefused(request().creditor(new TransferCreditor().accountId(DEBTOR)), SAME_DEBTOR_AND_CREDITOR);
    }

    @Test
    void refusesAnExecutionDateBeforeTodayInDanishTime() {
        assertRefused(request().executionDate(LocalDate.parse("2026-11-22")), EXECUTION_DATE_IN_PAST);
    }

    @Test
    void refusesADebtorAccountItDoesNotKnow() {
        assertRefused(request().debtorAccountId(UUID.randomUUID()), DEBTOR_ACCOUNT_UNKNOWN);
    }

    @Test
    void refusesAnotherCustomersActiveDkkAccountAsAnUnknownDebtorAccount() {
        UUID bobs = account(UUID.randomUUID(), "bob", "DKK", "ACTIVE");

        assertRefused(request().debtorAccountId(bobs), DEBTOR_ACCOUNT_UNKNOWN);
    }

    @Test
    void refusesADebtorAccountThatIsNotActive() {
        UUID blocked = account(UUID.randomUUID(), "DKK", "BLOCKED");

        assertRefused(request().debtorAccountId(blocked), DEBTOR_ACCOUNT_NOT_ACTIVE);
    }

    @Test
    void refusesADebtorAccountHeldInSek() {
        UUID sek = account(UUID.randomUUID(), "SEK", "ACTIVE");

        assertRefused(request().debtorAccountId(sek), DEBTOR_ACCOUNT_CURRENCY_NOT_ALLOWED);
    }

    @Test
    void refusesADebtorAccountHeldInNok() {
        UUID nok = account(UUID.randomUUID(), "NOK", "ACTIVE");

        assertRefused(request().debtorAccountId(nok), DEBTOR_ACCOUNT_CURRENCY_NOT_ALLOWED);
    }

    @Test
    void refusesADebtorAccountHeldInEur() {
        UUID eur = account(UUID.randomUUID(), "EUR", "ACTIVE");

        assertRefused(request().debtorAccountId(eur), DEBTOR_ACCOUNT_CURRENCY_MISMATCH);
    }

    @Test
    void answersTheFirstFailingCheckInTheSpecsOrder() {
        CreateTransferRequest everythingWrong = request()
                .debtorAccountId(UUID.randomUUID())
                .executionDate(TODAY.minusDays(1))
                .creditor(new TransferCreditor())
                .amount(new MoneyInput("125.50", "EUR"));

        assertRefused(everythingWrong, UNSUPPORTED_CURRENCY);
    }

    private void assertRefused(CreateTransferRequest request, TransferRequestProblem problem) {
        assertThatThrownBy(() -> validation.validate("t", OWNER, request))
                .isInstanceOfSatisfying(TransferRequestRefusedException.class,
                        refused -> assertThat(refused.problem()).isEqualTo(problem))
                .hasMessageNotContaining("null");
    }

    private UUID account(UUID accountId, String currency, String status) {
        return account(accountId, OWNER, currency, status);
    }

    private UUID account(UUID accountId, String customerId, String currency, String status) {
        jdbc.update("""
                insert into account_replica (account_id, customer_id, currency, status, version)
                values (?, ?, ?, ?, 1)""", accountId.toString(), customerId, currency, status);
        return accountId;
    }

    private static CreateTransferRequest request() {
        return new CreateTransferRequest(DEBTOR, new TransferCreditor().accountId(CREDITOR),
                new MoneyInput("125.50", "DKK"), "rent", "rent from Bo");
    }

    private static TransferCreditor bankAccount(String registrationNumber, String accountNumber) {
        return new TransferCreditor().registrationNumber(registrationNumber).accountNumber(accountNumber);
    }
}
