package org.banksuite.transfers.transfer.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.banksuite.testsupport.RealInfrastructureExtension;
import org.banksuite.testsupport.TestDatabase;
import org.banksuite.transfers.account.query.AccountReplica;
import org.banksuite.transfers.api.model.CreateTransferRequest;
import org.banksuite.transfers.api.model.MoneyInput;
import org.banksuite.transfers.api.model.TransferCreditor;
import org.banksuite.transfers.transfer.domain.Creditor;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A creditor named by the core number of one of the suite's accounts is credited as that suite account. */
@ExtendWith(RealInfrastructureExtension.class)
class CreditorByCoreNumberTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
    private static final UUID DEBTOR = UUID.randomUUID();
    private static final UUID SUITE_CREDITOR = UUID.randomUUID();

    private final JdbcTemplate jdbc;
    private final TransferRequestValidation validation;

    CreditorByCoreNumberTest(TestDatabase database) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/kit", "classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        validation = new TransferRequestValidation(new AccountReplica(jdbc), CLOCK);
    }

    @BeforeEach
    void twoActiveSuiteAccounts() {
        jdbc.update("delete from account_replica");
        activeAccount(DEBTOR, "0000001");
        activeAccount(SUITE_CREDITOR, "0000002");
    }

    @Test
    void resolvesACreditorNumberOfASuiteAccountToThatAccount() {
        Creditor creditor = validation.validate("t1", "alice", request(byNumber("1234", "0000002"))).command().creditor();

        assertThat(creditor).isEqualTo(Creditor.suiteAccount(SUITE_CREDITOR.toString()));
    }

    @Test
    void keepsANumberNoSuiteAccountHasAsABankAccount() {
        Creditor creditor = validation.validate("t2", "alice", request(byNumber("1234", "0000003"))).command().creditor();

        assertThat(creditor).isEqualTo(Creditor.bankAccount("1234", "0000003"));
    }

    @Test
    void keepsTheSameNumberAtAnotherBankAsABankAccount() {
        Creditor creditor = validation.validate("t3", "alice", request(byNumber("9999", "0000002"))).command().creditor();

        assertThat(creditor).isEqualTo(Creditor.bankAccount("9999", "0000002"));
    }

    @Test
    void refusesTheDebtorsOwnCoreNumberAsCreditor() {
        assertThatThrownBy(() -> validation.validate("t4", "alice", request(byNumber("1234", "0000001"))))
                .isInstanceOfSatisfying(TransferRequestRefusedException.class, refused ->
                        assertThat(refused.problem()).isEqualTo(TransferRequestProblem.SAME_DEBTOR_AND_CREDITOR));
    }

    private void activeAccount(UUID accountId, String accountNumber) {
        jdbc.update("""
                insert into account_replica (account_id, customer_id, currency, status, version, registration_number,
                                             account_number)
                values (?, 'alice', 'DKK', 'ACTIVE', 1, '1234', ?)""", accountId.toString(), accountNumber);
    }

    private static CreateTransferRequest request(TransferCreditor creditor) {
        return new CreateTransferRequest(DEBTOR, creditor, new MoneyInput("125.50", "DKK"), "rent", "rent from Bo");
    }

    private static TransferCreditor byNumber(String registrationNumber, String accountNumber) {
        return new TransferCreditor().registrationNumber(registrationNumber).accountNumber(accountNumber);
    }
}
