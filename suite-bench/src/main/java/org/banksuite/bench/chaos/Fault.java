package org.banksuite.bench.chaos;

import java.time.Duration;

/**
 * One fault of a chaos run, at its offset from the start of the load.
 *
 * @param at       when, from the start of the load
 * @param kind     what is done
 * @param target   the process's label ({@link ProcessTable.Entry#label()}) for {@link Kind#KILL} and {@link Kind#PAUSE};
 *                 empty for the core's faults
 * @param duration how long a pause or a core fault lasts; zero for a kill (the launcher restarts the process)
 */
public record Fault(Duration at, Kind kind, String target, Duration duration) {

    /** The kinds of fault, as the report counts them. */
    public enum Kind {
        /** {@code kill -9} of a process; the launcher starts it again. */
        KILL,
        /** SIGSTOP, then SIGCONT after the fault's duration. */
        PAUSE,
        /** The core answers slowly (the simulator's {@code latencyMillis}). */
        CORE_LATENCY,
        /** The core answers 500 before doing anything ({@code errorRate}). */
        CORE_ERRORS,
        /** The core closes connections before doing anything ({@code resetRate}). */
        CORE_RESETS,
        /** The core books a payment and then loses its answer ({@code dropResponseAfterBookingRate}). */
        CORE_LOST_ANSWERS,
        /** The core's quota squeezed, so it answers 429 (the proxy's limits are not told). */
        CORE_QUOTA;

        boolean atTheCore() {
            return this != KILL && this != PAUSE;
        }
    }

    public String describe() {
        return switch (kind) {
            case KILL -> "kill -9 " + target;
            case PAUSE -> "pause " + target + " for " + duration.toSeconds() + " s";
            default -> kind.name().toLowerCase().replace('_', ' ') + " for " + duration.toSeconds() + " s";
        };
    }
}
