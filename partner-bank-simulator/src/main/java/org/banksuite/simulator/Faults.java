package org.banksuite.simulator;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/** The faults injected into {@code /core/**}, set by {@code PUT /admin/v1/faults}; none by default. */
@Component
public class Faults {

    /**
     * The faults in force: latency in milliseconds, rates from 0 to 1, and the account they are confined to
     * ({@code null}: every {@code /core/v1} request).
     */
    public record Settings(Long latencyMillis, Double errorRate, Double resetRate, Double dropResponseAfterBookingRate,
                           Account account) {

        static final Settings NONE = new Settings(0L, 0.0, 0.0, 0.0, null);

        Settings normalized() {
            Settings settings = new Settings(latencyMillis == null ? 0 : latencyMillis, rate(errorRate, "errorRate"),
                    rate(resetRate, "resetRate"), rate(dropResponseAfterBookingRate, "dropResponseAfterBookingRate"),
                    account);
            if (settings.latencyMillis() < 0 || settings.latencyMillis() > 600_000) {
                throw SimulatorProblem.invalid("latencyMillis must be between 0 and 600000");
            }
            if (account != null && !account.wellFormed()) {
                throw SimulatorProblem.invalid("account needs a registrationNumber of 4 digits and an accountNumber"
                        + " of 1 to 10 digits");
            }
            return settings;
        }

        /** Whether a {@code /core/v1} request meets these faults: every one, or those about {@link #account}. */
        boolean meet(FaultScope.Request request) {
            return account == null || request.isAbout(account);
        }

        private static double rate(Double rate, String name) {
            if (rate == null) {
                return 0;
            }
            if (rate < 0 || rate > 1) {
                throw SimulatorProblem.invalid(name + " must be between 0 and 1");
            }
            return rate;
        }
    }

    /** An account of the core, as the partner-core API names one (registration number and account number). */
    public record Account(String registrationNumber, String accountNumber) {

        boolean wellFormed() {
            return registrationNumber != null && registrationNumber.matches("\\d{4}")
                    && accountNumber != null && accountNumber.matches("\\d{1,10}");
        }
    }

    private final AtomicReference<Settings> settings = new AtomicReference<>(Settings.NONE);

    public Settings current() {
        return settings.get();
    }

    public Settings set(Settings requested) {
        if (requested == null) {
            throw SimulatorProblem.invalid("a body with the fault settings is required");
        }
        Settings normalized = requested.normalized();
        settings.set(normalized);
        return normalized;
    }

    public void clear() {
        settings.set(Settings.NONE);
    }

    static boolean roll(double rate) {
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }
}
