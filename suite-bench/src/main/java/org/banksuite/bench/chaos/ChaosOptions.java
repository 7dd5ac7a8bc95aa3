package org.banksuite.bench.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ./suite chaos}'s options.
 *
 * @param seed         the fault schedule's and the load's seed: the same seed and stack give the same schedule
 * @param transfers    how many transfers the load sends (its other operations come in proportion)
 * @param perSecond    operations per second
 * @param accounts     accounts opened and funded before the faults start
 * @param faultEvery   about one fault per this much time, beyond the required ones
 * @param mustKill     the processes killed at least once: every process of the stack when empty
 * @param coreFaults   whether the partner core misbehaves too (latency, 500s, resets, lost answers, 429s)
 * @param healPatience how long the suite may take to heal after the last fault before the checks count what is off
 * @param out          where {@code chaos.json} goes; empty: {@code bench-results/chaos-<time>/}
 */
public record ChaosOptions(long seed, int transfers, double perSecond, int accounts, Duration faultEvery,
                           List<String> mustKill, boolean coreFaults, Duration healPatience, Optional<Path> out) {

    public static final String USAGE = """
            Usage: ./suite chaos [options]   (against the suite ./suite up runs here, or one it starts; see SUITE_REPLICAS)

              --seed N            the seed of the fault schedule and the load [the time now, printed]
              --transfers N       transfers to send [10000]; the other operations come in proportion
              --rate R            operations per second [8]
              --accounts N        accounts opened and funded before the faults [40]
              --fault-every S     seconds between faults on average, beyond the required ones [20]
              --must-kill LIST    comma-separated processes killed at least once (accounts-service#2, kafka,
                                  postgres, ...) [every process of the stack but the simulator]
              --core-faults on|off  whether the core misbehaves too (latency, 500s, resets, lost answers, 429s) [on]
              --heal-patience M   minutes the suite may take to heal before the checks count [15]
              --out DIR           where chaos.json goes [bench-results/chaos-<time>/]
            Exits 0 when every invariant held, 1 when one did not or the run could not run, 2 for bad options.
            """;

    private static final Set<String> NAMES = Set.of("seed", "transfers", "rate", "accounts", "fault-every",
            "must-kill", "core-faults", "heal-patience", "out");

    /** @throws IllegalArgumentException for an unknown option or a value out of range */
    public static ChaosOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!NAMES.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
            }
            values.put(name, args[++i]);
        }
        try {
            ChaosOptions options = new ChaosOptions(
                    Long.parseLong(values.getOrDefault("seed", Long.toString(System.currentTimeMillis()))),
                    Integer.parseInt(values.getOrDefault("transfers", "10000")),
                    Double.parseDouble(values.getOrDefault("rate", "8")),
                    Integer.parseInt(values.getOrDefault("accounts", "40")),
                    Duration.ofSeconds(Long.parseLong(values.getOrDefault("fault-every", "20"))),
                    values.containsKey("must-kill") ? Arrays.stream(values.get("must-kill").split(","))
                            .map(String::trim).filter(label -> !label.isEmpty()).toList() : List.of(),
                    onOrOff(values.getOrDefault("core-faults", "on")),
                    Duration.ofMinutes(Long.parseLong(values.getOrDefault("heal-patience", "15"))),
                    Optional.ofNullable(values.get("out")).map(Path::of));
            if (options.transfers() < 1 || options.perSecond() <= 0 || options.accounts() < 2
                    || options.faultEvery().isNegative() || options.faultEvery().isZero()) {
                throw new IllegalArgumentException("--transfers and --fault-every must be positive, --rate above 0,"
                        + " --accounts at least 2");
            }
            return options;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + e.getMessage(), e);
        }
    }

    private static boolean onOrOff(String value) {
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("--core-faults is on or off, not " + value);
        };
    }

    /** How long the load is expected to run: its transfers at their share of the rate. */
    public Duration expectedLength() {
        double transferShare = Arrays.stream(Operation.values()).filter(Operation::transfer)
                .mapToInt(operation -> Operation.weightOf(operation)).sum() / 100.0;
        return Duration.ofMillis((long) (transfers / (perSecond * transferShare) * 1000));
    }
}
