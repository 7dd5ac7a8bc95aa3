package org.banksuite.bench.chaos;

import java.util.EnumSet;
import java.util.Set;

import org.banksuite.api.core.client.SimulatorAdminApi;
import org.banksuite.api.core.client.model.FaultSettings;
import org.banksuite.api.core.client.model.QuotaSettings;
import org.banksuite.api.core.client.model.QuotaWindow;

/**
 * The partner core's faults during a chaos run, set through the simulator's admin API (never faulted itself): the
 * faults in force are combined into one {@code PUT /admin/v1/faults}; a quota fault squeezes the core's quota to
 * {@link #SQUEEZED_LIMIT} requests a minute (every request answered 429) and gives back {@code runLimit} when it ends. The 429s the core answers
 * while its quota is squeezed are counted as provoked; any other 429 is one the proxy should have prevented.
 */
public final class CoreFaults {

    /** Added to every core request while {@link Fault.Kind#CORE_LATENCY} is in force. */
    static final long LATENCY_MILLIS = 1500;
    static final double ERROR_RATE = 0.3;
    static final double RESET_RATE = 0.2;
    static final double LOST_ANSWER_RATE = 0.3;
    static final long SQUEEZED_LIMIT = 0;

    private final SimulatorAdminApi simulator;
    private final long runLimit;
    private final Set<Fault.Kind> active = EnumSet.noneOf(Fault.Kind.class);
    private long refusedBeforeSqueeze;
    private long provoked429s;

    /** @param runLimit the core's quota per minute for the run, given back after each squeeze */
    public CoreFaults(SimulatorAdminApi simulator, long runLimit) {
        this.simulator = simulator;
        this.runLimit = runLimit;
    }

    /** Sets the run's quota and clears every fault: the core as the run starts. */
    public synchronized void reset() {
        simulator.clearFaults();
        simulator.setQuota(new QuotaSettings().limit(runLimit).window(QuotaWindow.MINUTE));
        active.clear();
    }

    /**
     * Puts the fault in force. Marked in force only once the simulator took it: a squeeze its admin API refused (it
     * answered 503 while the issuer was down) must not be ended later as if it had run, or the 429s of an earlier
     * squeeze would be counted twice as provoked.
     *
     * @throws org.springframework.web.client.RestClientException when the simulator did not take it
     */
    synchronized void begin(Fault.Kind kind) {
        if (active.contains(kind)) {
            return;
        }
        if (kind == Fault.Kind.CORE_QUOTA) {
            long before = refusedSoFar();
            simulator.setQuota(new QuotaSettings().limit(SQUEEZED_LIMIT).window(QuotaWindow.MINUTE));
            refusedBeforeSqueeze = before;
            active.add(kind);
        } else {
            active.add(kind);
            try {
                simulator.setFaults(settings());
            } catch (RuntimeException refused) {
                active.remove(kind);
                throw refused;
            }
        }
    }

    /**
     * Ends the fault. A squeeze stays in force (and is tried again by {@link #endAll}) until the simulator took the
     * run's quota back; its 429s are counted once it has.
     *
     * @throws org.springframework.web.client.RestClientException when the simulator did not take the change
     */
    synchronized void end(Fault.Kind kind) {
        if (!active.contains(kind)) {
            return;
        }
        if (kind == Fault.Kind.CORE_QUOTA) {
            simulator.setQuota(new QuotaSettings().limit(runLimit).window(QuotaWindow.MINUTE));
            provoked429s += refusedSoFar() - refusedBeforeSqueeze;
            active.remove(kind);
        } else {
            active.remove(kind);
            try {
                simulator.setFaults(settings());
            } catch (RuntimeException refused) {
                active.add(kind);
                throw refused;
            }
        }
    }

    /** Ends every fault in force; answers whether there was one. */
    synchronized boolean endAll() {
        boolean any = !active.isEmpty();
        for (Fault.Kind kind : Set.copyOf(active)) {
            end(kind);
        }
        simulator.clearFaults();
        return any;
    }

    /** The 429s the core answered since it started (the simulator's count). */
    public long refusedSoFar() {
        Long refused = simulator.getQuota().getRefused();
        return refused == null ? 0 : refused;
    }

    /** The 429s the core answered while the run squeezed its quota. */
    public synchronized long provoked429s() {
        return provoked429s;
    }

    private FaultSettings settings() {
        return new FaultSettings()
                .latencyMillis(active.contains(Fault.Kind.CORE_LATENCY) ? LATENCY_MILLIS : 0L)
                .errorRate(active.contains(Fault.Kind.CORE_ERRORS) ? ERROR_RATE : 0.0)
                .resetRate(active.contains(Fault.Kind.CORE_RESETS) ? RESET_RATE : 0.0)
                .dropResponseAfterBookingRate(active.contains(Fault.Kind.CORE_LOST_ANSWERS) ? LOST_ANSWER_RATE : 0.0);
    }
}
