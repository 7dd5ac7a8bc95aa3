package org.banksuite.launcher.kafka;

import java.util.Set;
import java.util.TreeSet;

/**
 * What one Kafka principal ({@code User:<principal>}) may do on the suite's broker; anything else is refused.
 *
 * @param principal     the SCRAM user name, e.g. {@code accounts-service}
 * @param writes        topics it may produce to (Write, which implies Describe)
 * @param reads         topics it may consume (Read, which implies Describe)
 * @param groups        consumer groups it may use, by exact name
 * @param groupPrefixes consumer groups it may use, by name prefix
 */
public record PrincipalAccess(String principal, Set<String> writes, Set<String> reads, Set<String> groups,
                              Set<String> groupPrefixes) {

    public PrincipalAccess {
        writes = Set.copyOf(writes);
        reads = Set.copyOf(reads);
        groups = Set.copyOf(groups);
        groupPrefixes = Set.copyOf(groupPrefixes);
    }

    /** Every topic it names, sorted. */
    public Set<String> topics() {
        Set<String> topics = new TreeSet<>(writes);
        topics.addAll(reads);
        return topics;
    }
}
