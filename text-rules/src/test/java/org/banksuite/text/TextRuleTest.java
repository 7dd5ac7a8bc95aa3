package org.banksuite.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextRuleTest {

    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void countsA140CharacterPaymentTextInCodePoints() {
        assertThat(TextRule.PAYMENT_TEXT.accepts(EMOJI.repeat(140))).isTrue();
        assertThat(TextRule.PAYMENT_TEXT.violation(EMOJI.repeat(141))).contains(
                "has 141 characters, at most 140 are allowed (counted as Unicode code points)");
    }

    @Test
    void acceptsAnEmptyPaymentTextAndDanishLetters() {
        assertThat(TextRule.PAYMENT_TEXT.accepts("")).isTrue();
        assertThat(TextRule.PAYMENT_TEXT.accepts("Husleje for maj, Ærø Øst — 5 € ✓")).isTrue();
    }

    @Test
    void refusesNulEverywhere() {
        for (TextRule rule : TextRule.values()) {
            assertThat(rule.violation("x\u0000y")).contains("contains the control character U+0000 at index 1");
        }
    }

    @Test
    void refusesC0AndC1ControlCharactersAndDel() {
        for (String control : new String[] {"\t", "\n", "\r", "\u001B", "\u007F", "\u0085", "\u009F"}) {
            assertThat(TextRule.PAYMENT_TEXT.accepts("a" + control + "b")).as("U+%04X", (int) control.charAt(0))
                    .isFalse();
            assertThat(TextRule.REASON.accepts("a" + control + "b")).isFalse();
        }
    }

    @Test
    void refusesUnpairedSurrogates() {
        assertThat(TextRule.PAYMENT_TEXT.violation("a\uD83D")).contains("contains an unpaired surrogate U+D83D at index 1");
        assertThat(TextRule.PAYMENT_TEXT.accepts("\uDE00\uD83D")).isFalse();
        assertThat(TextRule.IDENTIFIER.accepts("c-\uDE00")).isFalse();
    }

    @Test
    void refusesIdentifiersWithSpacesOrEmptyOrTooLong() {
        assertThat(TextRule.IDENTIFIER.accepts("customer-42")).isTrue();
        assertThat(TextRule.IDENTIFIER.accepts(EMOJI.repeat(64))).isTrue();
        assertThat(TextRule.IDENTIFIER.accepts("customer 42")).isFalse();
        assertThat(TextRule.IDENTIFIER.accepts("\u00A0c")).isFalse();
        assertThat(TextRule.IDENTIFIER.accepts("")).isFalse();
        assertThat(TextRule.IDENTIFIER.accepts("c".repeat(65))).isFalse();
    }

    @Test
    void refusesBlankReasons() {
        assertThat(TextRule.REASON.accepts("fraud suspected")).isTrue();
        assertThat(TextRule.REASON.violation("   ")).contains("must not be blank");
        assertThat(TextRule.REASON.accepts("r".repeat(1000))).isTrue();
        assertThat(TextRule.REASON.accepts("r".repeat(1001))).isFalse();
    }

    @Test
    void namesTheFieldWhenRequired() {
        assertThatThrownBy(() -> TextRule.PAYMENT_TEXT.require("creditorText", "x\u0000"))
                .isInstanceOf(InvalidTextException.class)
                .hasMessage("creditorText contains the control character U+0000 at index 1")
                .extracting(e -> ((InvalidTextException) e).field()).isEqualTo("creditorText");
    }

    @Test
    void leavesNullToTheApi() {
        assertThat(TextRule.PAYMENT_TEXT.accepts(null)).isTrue();
    }
}
