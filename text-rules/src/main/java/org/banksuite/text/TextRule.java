package org.banksuite.text;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule per kind of text that the suite accepts from outside, chosen so that every hop downstream takes it:
 * PostgreSQL (no NUL, valid UTF-8, so no unpaired surrogate), the JSON of the events, and the partner core (payment
 * texts of at most 140 characters, no control characters). Lengths are counted in Unicode code points, as JSON
 * Schema's {@code maxLength} and PostgreSQL's {@code varchar(n)} count them (the core's spec is silent on how it
 * counts, so the suite says code points there too): 140 emoji are 140 characters, not 280.
 *
 * <p>The OpenAPI specs say the same with {@code minLength}, {@code maxLength} and {@link #pattern()}; a test keeps
 * them equal. Every kind refuses C0 and C1 control characters (so also NUL, tab and line breaks), DEL, and surrogates
 * not paired into one code point.
 */
public enum TextRule {

    /** A debtor's or creditor's text on a payment: up to 140 characters, possibly empty. */
    PAYMENT_TEXT(0, 140, "^[^\\u0000-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF]*$", false),
    /** An identifier chosen outside the suite (a customer id, an entity id, an event name): 1 to 64, no spaces. */
    IDENTIFIER(1, 64, "^[^\\u0000-\\u0020\\u007F-\\u00A0\\uD800-\\uDFFF]+$", false),
    /** Why someone did something (a block, an eviction, a replay): 1 to 1000 characters, not only spaces. */
    REASON(1, 1000, "^(?=.*\\S)[^\\u0000-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF]+$", true);

    private final int minLength;
    private final int maxLength;
    private final String pattern;
    private final Pattern compiled;
    private final boolean notBlank;

    TextRule(int minLength, int maxLength, String pattern, boolean notBlank) {
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.pattern = pattern;
        this.compiled = Pattern.compile(pattern);
        this.notBlank = notBlank;
    }

    /** The fewest code points a text of this kind has. */
    public int minLength() {
        return minLength;
    }

    /** The most code points a text of this kind has. */
    public int maxLength() {
        return maxLength;
    }

    /** The characters allowed, as the regular expression the OpenAPI specs carry (read on code points). */
    public String pattern() {
        return pattern;
    }

    /**
     * What is wrong with {@code text} as a text of this kind, e.g. {@code "contains the control character U+0000"},
     * or empty when it is fine. A null text is not this rule's business (whether a field is required is the API's).
     */
    public Optional<String> violation(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains an unpaired surrogate " + codePoint(c) + " at index " + i);
            } else if (Character.isISOControl(c)) {
                return Optional.of("contains the control character " + codePoint(c) + " at index " + i);
            }
        }
        int length = length(text);
        if (length < minLength) {
            return Optional.of("must have at least " + minLength + " character" + (minLength == 1 ? "" : "s"));
        }
        if (length > maxLength) {
            return Optional.of("has " + length + " characters, at most " + maxLength + " are allowed"
                    + " (counted as Unicode code points)");
        }
        if (!compiled.matcher(text).matches()) {
            return Optional.of(notBlank ? "must not be blank" : "contains a space or a character not allowed");
        }
        return Optional.empty();
    }

    /** Whether {@code text} is a valid text of this kind (null counts as valid, see {@link #violation}). */
    public boolean accepts(String text) {
        return violation(text).isEmpty();
    }

    /**
     * {@code text} itself when it is valid.
     *
     * @throws InvalidTextException naming {@code field} when it is not
     */
    public String require(String field, String text) {
        violation(text).ifPresent(problem -> {
            throw new InvalidTextException(field, problem);
        });
        return text;
    }

    /** The length of {@code text} as every rule counts it: Unicode code points. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
