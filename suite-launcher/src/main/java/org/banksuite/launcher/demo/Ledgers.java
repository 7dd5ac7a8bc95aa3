package org.banksuite.launcher.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** The suite's ledger beside the core's, account by account. */
public final class Ledgers {

    private final AccountSteps accounts;
    private final CoreSteps core;

    public Ledgers(AccountSteps accounts, CoreSteps core) {
        this.accounts = accounts;
        this.core = core;
    }

    public List<BalanceLine> compare(List<DemoAccount> of) {
        return of.stream().map(account -> new BalanceLine(account, quietly(() -> accounts.bookedBalance(account)),
                quietly(() -> core.balance(account)))).toList();
    }

    /**
     * The balances once every account's are equal, or as they are after {@code patience}: the suite books what the
     * core booked a moment later (events travel through Kafka), so a difference only counts once it lasts.
     */
    public List<BalanceLine> compareOnceSettled(List<DemoAccount> of, Duration patience) {
        try {
            return Polling.until("equal balances", patience, () -> compare(of),
                    lines -> lines.stream().allMatch(BalanceLine::equal));
        } catch (UnexpectedOutcomeException stillDifferent) {
            return compare(of);
        }
    }

    private static BigDecimal quietly(Supplier<BigDecimal> read) {
        try {
            return read.get();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
