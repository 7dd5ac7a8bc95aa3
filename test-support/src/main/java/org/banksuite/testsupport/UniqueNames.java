package org.banksuite.testsupport;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Unique, lowercase database names and topic prefixes derived from a hint such as a test class name. */
final class UniqueNames {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final int MAX_HINT_LENGTH = 40;

    private UniqueNames() {
    }

    /** e.g. {@code accountstest_3_k2x9}: a plain PostgreSQL identifier, at most 63 characters. */
    static String databaseName(String hint) {
        return sanitize(hint, '_') + "_" + SEQUENCE.incrementAndGet() + "_" + randomSuffix();
    }

    /** e.g. {@code accountstest-4-q8m1.}: legal in Kafka topic names, ending with a dot. */
    static String topicPrefix(String hint) {
        return sanitize(hint, '-') + "-" + SEQUENCE.incrementAndGet() + "-" + randomSuffix() + ".";
    }

    private static String sanitize(String hint, char separator) {
        String lower = (hint == null ? "" : hint).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", String.valueOf(separator));
        String trimmed = lower.replaceAll("^[^a-z]+|[^a-z0-9]+$", "");
        String bounded = trimmed.length() > MAX_HINT_LENGTH ? trimmed.substring(0, MAX_HINT_LENGTH) : trimmed;
        return bounded.isEmpty() ? "test" : bounded;
    }

    private static String randomSuffix() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36);
    }
}
