package org.banksuite.bench.report;

import java.util.Locale;
import java.util.Map;

/** The report as text for the terminal: the rates' table, the targets, and the references as ratios. */
public final class Table {

    private Table() {
    }

    public static String render(BenchReport report) {
        StringBuilder out = new StringBuilder();
        report.idle().ifPresent(idle -> out.append(String.format(Locale.ROOT,
                "Idle, %d sequential transfers (%d booked): accept p50 %.1f ms; booked from the 202 p50 %.1f / p90 %.1f"
                        + " / p99 %.1f / max %.1f ms%n%n", idle.transfers(), idle.booked(), idle.accept().p50Ms(),
                idle.bookedFromAccept().p50Ms(), idle.bookedFromAccept().p90Ms(), idle.bookedFromAccept().p99Ms(),
                idle.bookedFromAccept().maxMs())));
        out.append(String.format(Locale.ROOT, "Stack at idle: %s PSS (%s summing each process's RSS); CPU %.0f ms per"
                        + " second with no traffic%n%n", gib(report.idlePssBytes()), gib(report.idleRssBytes()),
                report.idleCpuMillisPerSecond()));
        String header = String.format(Locale.ROOT, "%8s %10s | %-22s | %-30s | %6s | %8s | %9s%n", "offered", "completed",
                "accept p50/p99/max ms", "booked p50/p90/p99/max ms", "errors", "CPU ms/t", "peak PSS");
        out.append(header).append("-".repeat(header.length() - 1)).append('\n');
        for (RateResult rate : report.rates()) {
            var run = rate.run();
            out.append(String.format(Locale.ROOT, "%6s/s %8.1f/s | %-22s | %-30s | %6d | %8.1f | %9s%n",
                    number(rate.offeredPerSecond()), run.completedPerSecond(),
                    ms(run.accept().p50Ms()) + " / " + ms(run.accept().p99Ms()) + " / " + ms(run.accept().maxMs()),
                    ms(run.bookedLatency().p50Ms()) + " / " + ms(run.bookedLatency().p90Ms()) + " / "
                            + ms(run.bookedLatency().p99Ms()) + " / " + ms(run.bookedLatency().maxMs()),
                    run.errors(), rate.cpuMillisPerTransfer(), gib(rate.peakPssBytes())));
        }
        out.append("(booked: from each request's intended send time to its TransferBooked event's ce_time; errors:"
                + " non-202, no answer, or not completed after the drain)\n\n");
        out.append("Targets (issue 14):\n");
        for (Targets.Check check : Targets.check(report)) {
            out.append(String.format(Locale.ROOT, "  %-70s %-40s %s%n", check.target(), check.measured(),
                    switch (check.verdict()) {
                        case MET -> "met";
                        case MISSED -> "MISSED";
                        case NOT_MEASURED -> "not measured";
                    }));
        }
        if (!report.references().isEmpty()) {
            out.append("\nReferences on this machine (the suite as a share of each):\n");
            // the suite at its saturation rate, or at its most completed/s when no rate kept p99 within 2 s
            Targets.saturation(report).or(() -> report.rates().stream()
                    .max(java.util.Comparator.comparingDouble(rate -> rate.run().completedPerSecond()))).ifPresent(suite -> {
                for (Reference reference : report.references()) {
                    out.append(String.format(Locale.ROOT,
                            "  %-28s %8.1f/s, %6.2f ms CPU/transfer, p50 %.1f / p99 %.1f ms; suite throughput %.3f x,"
                                    + " suite CPU/transfer %.1f x%n",
                            reference.name(), reference.throughputPerSecond(), reference.cpuMillisPerTransfer(),
                            reference.p50Ms(), reference.p99Ms(),
                            ratio(suite.run().completedPerSecond(), reference.throughputPerSecond()),
                            ratio(suite.cpuMillisPerTransfer(), reference.cpuMillisPerTransfer())));
                }
            });
        }
        report.highestRate().ifPresent(highest -> {
            out.append("\nCPU ms by part at ").append(number(highest.offeredPerSecond())).append("/s:");
            highest.cpuMillisByPart().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(part -> out.append(String.format(Locale.ROOT, " %s %.0f;", part.getKey(), part.getValue())));
            out.append('\n');
        });
        return out.toString();
    }

    static String ms(double millis) {
        return millis >= 100 ? String.format(Locale.ROOT, "%.0f", millis) : String.format(Locale.ROOT, "%.1f", millis);
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    /** {@code part / whole}, or NaN when the whole is 0 (not measured). */
    static double ratio(double part, double whole) {
        return whole == 0 ? Double.NaN : part / whole;
    }
}
