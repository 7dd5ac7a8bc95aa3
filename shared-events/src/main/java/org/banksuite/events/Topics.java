package org.banksuite.events;

import java.util.Objects;
import java.util.regex.Pattern;

/** The Kafka topic names of the suite: the one place they are spelled out. */
public final class Topics {

    /** Everything that happens to accounts; produced by accounts-service. */
    public static final String ACCOUNTS_EVENTS = "accounts.events";
    /** Everything that happens to transfers; produced by transfers-service. */
    public static final String TRANSFERS_EVENTS = "transfers.events";
    /** What the partner bank's core did; produced by partner-bank-adapter. */
    public static final String PARTNER_BANK_EVENTS = "partner-bank.events";
    /** Mismatches between the suite and the core, raised and resolved; produced by reconciliation-service. */
    public static final String RECONCILIATION_EVENTS = "reconciliation.events";

    private static final String RECONSTITUTION_PREFIX = "reconstitution.";
    private static final Pattern RECEIVER = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Topics() {
    }

    /**
     * The topic that replays of past events for one receiver go to.
     *
     * @param receiver the receiving service, lowercase letters, digits and dashes (e.g. {@code transfers-service})
     * @return {@code reconstitution.<receiver>}
     */
    public static String reconstitution(String receiver) {
        Objects.requireNonNull(receiver, "receiver");
        if (!RECEIVER.matcher(receiver).matches()) {
            throw new IllegalArgumentException(
                    "receiver must be lowercase letters, digits and single dashes, got '" + receiver + "'");
        }
        return RECONSTITUTION_PREFIX + receiver;
    }
}
