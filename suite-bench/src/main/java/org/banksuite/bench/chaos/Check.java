package org.banksuite.bench.chaos;

import java.util.List;

/**
 * One invariant of a chaos run, checked after healing.
 *
 * @param name     what must hold, in a few words
 * @param figure   what was measured, e.g. {@code "10000 accepted: 9712 BOOKED, 288 REJECTED, 0 open"}
 * @param holds    whether it held
 * @param examples up to a few of the offending items when it did not
 */
public record Check(String name, String figure, boolean holds, List<String> examples) {

    static final int EXAMPLES = 10;

    static Check of(String name, String figure, List<String> offending) {
        return new Check(name, figure, offending.isEmpty(), List.copyOf(offending.subList(0,
                Math.min(EXAMPLES, offending.size()))));
    }
}
