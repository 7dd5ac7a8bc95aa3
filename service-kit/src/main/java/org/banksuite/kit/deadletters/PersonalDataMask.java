package org.banksuite.kit.deadletters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hides personal data in what support sees of a letter (its payload as JSON and its envelope), for callers without
 * {@code support-lead} (issue 13: "letter payloads shown to support mask personal data unless the caller is
 * support-lead"). Decided by field name, at any depth, so that a new event is covered when it names its fields as the
 * suite does: customer ids ({@code customerId}, {@code ...CustomerId}), free texts ({@code text},
 * {@code debtorText}, {@code creditorText}, {@code reason}, {@code ...Reason}), core registration and account numbers
 * ({@code registrationNumber}, {@code accountNumber}, {@code ...AccountNumber}) and an unreadable record's raw value
 * ({@code valueBase64}, which holds all of the above). The JSON keeps its shape: a personal value becomes
 * {@value #MASK} (every leaf of it, if it is an object or a list), {@code null} stays {@code null}. Ids of accounts,
 * transfers, postings and the like stay visible: support needs them to find things.
 */
public final class PersonalDataMask {

    /** What a personal value is shown as. */
    public static final String MASK = "***";

    private static final List<String> PERSONAL_NAME_ENDINGS = List.of("customerid", "text", "reason",
            "registrationnumber", "accountnumber", "valuebase64");

    private PersonalDataMask() {
    }

    /** Whether a field of this name holds personal data (case-insensitive, by its ending). */
    public static boolean isPersonal(String fieldName) {
        if (fieldName == null) {
            return false;
        }
        String name = fieldName.toLowerCase(Locale.ROOT);
        return PERSONAL_NAME_ENDINGS.stream().anyMatch(name::endsWith);
    }

    /** A copy of the JSON object with every personal value masked; the argument is not changed. */
    public static Map<String, Object> maskObject(Map<String, ?> json) {
        if (json == null) {
            return null;
        }
        Map<String, Object> masked = new LinkedHashMap<>();
        json.forEach((name, value) -> masked.put(name, isPersonal(name) ? maskAll(value) : maskWithin(value)));
        return masked;
    }

    /** A copy of the envelope (string values) with every personal header masked. */
    public static Map<String, String> maskHeaders(Map<String, String> headers) {
        if (headers == null) {
            return null;
        }
        Map<String, String> masked = new LinkedHashMap<>();
        headers.forEach((name, value) -> masked.put(name, isPersonal(name) && value != null ? MASK : value));
        return masked;
    }

    /** The letter as a caller without {@code support-lead} may see it. */
    public static LetterView mask(LetterView letter) {
        return new LetterView(letter.eventId(), letter.eventType(), letter.payloadType(),
                maskObject(letter.payload()), maskHeaders(letter.metadata()), letter.cause(), letter.attempts(),
                letter.enqueuedAt(), letter.lastTouched());
    }

    @SuppressWarnings("unchecked")
    private static Object maskWithin(Object value) {
        if (value instanceof Map<?, ?> object) {
            return maskObject((Map<String, ?>) object);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PersonalDataMask::maskWithin).toList();
        }
        return value;
    }

    private static Object maskAll(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> object) {
            Map<String, Object> masked = new LinkedHashMap<>();
            object.forEach((name, inner) -> masked.put(String.valueOf(name), maskAll(inner)));
            return masked;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PersonalDataMask::maskAll).toList();
        }
        return MASK;
    }
}
