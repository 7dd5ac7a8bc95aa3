package org.banksuite.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.banksuite.bench.load.ArrivalSchedule.Arrivals;

/**
 * {@code ./suite bench}'s options.
 *
 * @param accounts    accounts opened and funded (default 1,000)
 * @param customers   customers holding them, round robin (default 10)
 * @param rates       offered rates, transfers per second, run in this order
 * @param duration    each rate's run, warm-up included
 * @param warmup      the start of each run that is not recorded
 * @param drain       how long to wait after a run for its transfers to complete
 * @param arrivals    constant or Poisson
 * @param idle        sequential transfers before the rates (0: none)
 * @param seed        for the pairs and Poisson arrivals
 * @param parallelism accounts funded at once
 * @param references  whether to measure the naive baseline and the PostgreSQL ceiling after the suite
 */
public record BenchOptions(int accounts, int customers, List<Double> rates, Duration duration, Duration warmup,
                           Duration drain, Arrivals arrivals, int idle, long seed, int parallelism,
                           boolean references) {

    public static final String USAGE = """
            Usage: ./suite bench [options]          the transfer benchmark (see suite-bench/README.md)
                   ./suite bench reconstitution [maven args]   accounts-service's ReconstitutionBenchmark
                   ./suite bench proxy [maven args]            partner-bank-proxy's ProxyBenchmark
            Options:
              --accounts N         accounts to open and fund [1000]
              --customers N        customers holding them [10]
              --rates R1,R2,...    offered transfers per second [5,10,20,50,100,150,200,250,300]
              --duration D         each rate's run, warm-up included (60s, 2m, 500ms) [60s]
              --warmup D           excluded from the figures [10s]
              --drain D            wait after each run for its transfers to complete [30s]
              --arrivals constant|poisson  [constant]
              --idle N             sequential transfers before the rates, 0 for none [50]
              --seed N             for the pairs and Poisson arrivals [1]
              --parallelism N      accounts funded at once [16]
              --references on|off  then the naive baseline (bench-baseline) at the same rates and the
                                   PostgreSQL ceiling, on the same machine [on]
            """;

    /** @throws IllegalArgumentException for an unknown option or a bad value, with what was wrong */
    public static BenchOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!option.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got: " + option);
            }
            values.put(option.substring(2), args[++i]);
        }
        BenchOptions options = new BenchOptions(
                positive("accounts", values.remove("accounts"), 1000),
                positive("customers", values.remove("customers"), 10),
                rates(values.getOrDefault("rates", "5,10,20,50,100,150,200,250,300")),
                duration("duration", values.getOrDefault("duration", "60s")),
                duration("warmup", values.getOrDefault("warmup", "10s")),
                duration("drain", values.getOrDefault("drain", "30s")),
                arrivals(values.getOrDefault("arrivals", "constant")),
                nonNegative("idle", values.remove("idle"), 50),
                Long.parseLong(values.getOrDefault("seed", "1")),
                positive("parallelism", values.remove("parallelism"), 16),
                onOff("references", values.getOrDefault("references", "on")));
        List.of("rates", "duration", "warmup", "drain", "arrivals", "seed", "references").forEach(values::remove);
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): --" + String.join(", --", values.keySet()));
        }
        if (options.warmup().compareTo(options.duration()) >= 0) {
            throw new IllegalArgumentException("--warmup " + options.warmup().toMillis() + " ms leaves nothing of --duration "
                    + options.duration().toMillis() + " ms");
        }
        if (options.accounts() < 2) {
            throw new IllegalArgumentException("--accounts must be at least 2 (a debtor and a creditor)");
        }
        return options;
    }

    /** {@code 60s}, {@code 2m}, {@code 500ms}, or a number of seconds. */
    static Duration duration(String name, String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        try {
            Duration parsed;
            if (text.endsWith("ms")) {
                parsed = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            } else if (text.endsWith("s")) {
                parsed = Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
            } else if (text.endsWith("m")) {
                parsed = Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 60_000));
            } else {
                parsed = Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
            }
            if (parsed.isNegative()) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " is not a duration (60s, 2m, 500ms): " + value);
        }
    }

    static List<Double> rates(String value) {
        List<Double> rates = new ArrayList<>();
        for (String rate : value.split(",")) {
            try {
                double parsed = Double.parseDouble(rate.trim());
                if (!(parsed > 0) || Double.isInfinite(parsed)) {
                    throw new NumberFormatException();
                }
                rates.add(parsed);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--rates takes positive numbers separated by commas: " + value);
            }
        }
        return List.copyOf(rates);
    }

    private static boolean onOff(String name, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException("--" + name + " is on or off: " + value);
        };
    }

    private static Arrivals arrivals(String value) {
        return Arrays.stream(Arrivals.values()).filter(kind -> kind.name().equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--arrivals is constant or poisson: " + value));
    }

    private static int positive(String name, String value, int defaultValue) {
        int parsed = nonNegative(name, value, defaultValue);
        if (parsed == 0) {
            throw new IllegalArgumentException("--" + name + " must be positive");
        }
        return parsed;
    }

    private static int nonNegative(String name, String value, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a whole number >= 0: " + value);
        }
    }

    /** The options as text, for the report. */
    public Map<String, String> describe() {
        Map<String, String> described = new LinkedHashMap<>();
        described.put("accounts", Integer.toString(accounts));
        described.put("customers", Integer.toString(customers));
        described.put("rates", rates.toString());
        described.put("duration", duration.toMillis() + " ms");
        described.put("warmup", warmup.toMillis() + " ms");
        described.put("drain", drain.toMillis() + " ms");
        described.put("arrivals", arrivals.name().toLowerCase(Locale.ROOT));
        described.put("idle", Integer.toString(idle));
        described.put("seed", Long.toString(seed));
        described.put("amount", "1.00 DKK per transfer");
        described.put("references", references ? "on" : "off");
        return described;
    }
}
