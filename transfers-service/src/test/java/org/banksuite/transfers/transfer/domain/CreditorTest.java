package org.banksuite.transfers.transfer.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CreditorTest {

    @Test
    void namesAnAccountOfTheSuite() {
        Creditor creditor = Creditor.suiteAccount("a2");

        assertThat(creditor.isSuiteAccount()).isTrue();
        assertThat(creditor.accountId()).isEqualTo("a2");
    }

    @Test
    void namesADanishBankAccount() {
        Creditor creditor = Creditor.bankAccount("1234", "0012345678");

        assertThat(creditor.isSuiteAccount()).isFalse();
        assertThat(creditor.registrationNumber()).isEqualTo("1234");
        assertThat(creditor.accountNumber()).isEqualTo("0012345678");
    }

    @Test
    void acceptsAOneDigitAccountNumber() {
        assertThat(Creditor.bankAccount("1234", "7").accountNumber()).isEqualTo("7");
    }

    @Test
    void refusesBothForms() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Creditor("a2", "1234", "0012345678"))
                .withMessageContaining("exactly one");
    }

    @Test
    void refusesNeitherForm() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Creditor(null, null, null))
                .withMessageContaining("exactly one");
    }

    @Test
    void refusesABlankAccountId() {
        assertThatIllegalArgumentException().isThrownBy(() -> Creditor.suiteAccount(" "));
    }

    @Test
    void refusesARegistrationNumberOfOtherThanFourDigits() {
        assertThatIllegalArgumentException().isThrownBy(() -> Creditor.bankAccount("123", "1"));
        assertThatIllegalArgumentException().isThrownBy(() -> Creditor.bankAccount("12345", "1"));
    }

    @Test
    void refusesARegistrationNumberWithOtherThanDigits() {
        assertThatIllegalArgumentException().isThrownBy(() -> Creditor.bankAccount("12a4", "1"));
        assertThatIllegalArgumentException().isThrownBy(() -> Creditor.bankAccount("١٢٣٤", "1"));
    }

    @Test
    void refusesAnAccountNumberLongerThanTenDigits() {
        assertThatIllegalArgumentException().isThrownBy(() -> Creditor.bankAccount("1234", "12345678901"));
    }

    @Test
    void refusesAnEmptyAccountNumber() {
        assertThatIllegalArgumentException().isThrownBy(() -> Creditor.bankAccount("1234", ""));
    }

    @Test
    void refusesAnAccountNumberWithOtherThanDigits() {
        assertThatIllegalArgumentException().isThrownBy(() -> Creditor.bankAccount("1234", "12-34"));
    }

    @Test
    void refusesARegistrationNumberWithoutAccountNumber() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Creditor(null, "1234", null));
    }
}
