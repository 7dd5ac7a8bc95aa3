package org.banksuite.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.banksuite.bench.load.ArrivalSchedule;
import org.banksuite.bench.load.LatencyRecorder;
import org.banksuite.bench.load.OpenLoopDriver;
import org.banksuite.bench.load.SequentialRun;
import org.banksuite.bench.load.TransferOrder;
import org.banksuite.bench.report.BenchReport;
import org.banksuite.bench.report.JsonReport;
import org.banksuite.bench.report.RateResult;
import org.banksuite.bench.report.SvgPlot;
import org.banksuite.bench.report.Table;
import org.banksuite.bench.stack.ProcFs;
import org.banksuite.bench.stack.StackProcesses;
import org.banksuite.bench.stack.StackSample;
import org.banksuite.bench.suite.LocalSuite;
import org.banksuite.bench.suite.SuiteFunding;
import org.banksuite.bench.suite.SuiteLimits;
import org.banksuite.bench.suite.SuitePorts;
import org.banksuite.bench.suite.SuiteTarget;
import org.banksuite.bench.suite.TransferEvents;
import org.banksuite.events.Topics;
import org.banksuite.launcher.demo.AccessTokens;
import org.banksuite.launcher.demo.SuiteClients;
import org.banksuite.launcher.demo.SuiteEndpoints;

/**
 * {@code ./suite bench}: the transfer benchmark against the local stack (see the module's README). Exits 0 when the
 * run completed (whether or not the targets were met), 1 when it could not run, 2 for bad options.
 */
public final class Bench {

    private static final BigDecimal FUNDING = new BigDecimal("1000.00");
    private static final long AMOUNT_MINOR = 100;

    private Bench() {
    }

    public static void main(String[] args) throws IOException {
        BenchOptions options;
        try {
            if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
                System.out.print(BenchOptions.USAGE);
                return;
            }
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        Path home = Path.of(System.getProperty("suite.home", ".")).toAbsolutePath().normalize();
        try {
            run(home, options);
        } catch (IllegalStateException e) {
            System.err.println("The benchmark could not run: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0); // the HTTP client's and Kafka's threads would keep the JVM alive a while
    }

    private static void run(Path home, BenchOptions options) throws IOException {
        Instant startedAt = Instant.now();
        Map<String, String> machine = machine();
        say("Machine: " + machine);
        SuitePorts ports = SuitePorts.from(System.getenv());
        try (LocalSuite suite = LocalSuite.runningOrStarted(home, ports, Duration.ofMinutes(15), Bench::say)) {
            AccessTokens tokens = AccessTokens.fromClientsFile(SuitePorts.url(ports.issuer()), suite.clientsFile());
            List<String> notes = new ArrayList<>();
            notes.add(SuiteLimits.raise(SuitePorts.url(ports.simulator()), SuitePorts.url(ports.proxy()), tokens));
            say(notes.getLast());
            SuiteEndpoints endpoints = new SuiteEndpoints(SuitePorts.url(ports.accounts()), SuitePorts.url(ports.transfers()),
                    SuitePorts.url(ports.simulator()), SuitePorts.url(ports.adapter()), "127.0.0.1:" + ports.kafka(), "",
                    SuitePorts.url(ports.reconciliation()));
            String runId = Long.toString(startedAt.getEpochSecond(), 36);
            say("Opening and funding " + options.accounts() + " accounts (" + FUNDING + " DKK each) for "
                    + options.customers() + " customers...");
            long fundingStart = System.nanoTime();
            Map<String, String> holders = new SuiteFunding(SuiteClients.of(endpoints, tokens), Duration.ofMinutes(3),
                    options.parallelism()).fund(options.accounts(), options.customers(), runId, FUNDING,
                    done -> say("  " + done + " funded"));
            say(String.format("Funded %d accounts in %.0f s.", holders.size(), (System.nanoTime() - fundingStart) / 1e9));
            notes.add("booked = the TransferBooked event's ce_time (header; the record timestamp only when ce_time is"
                    + " missing) minus the request's intended send time (wall clock of this machine)");
            notes.add("completed/s = transfers booked or rejected per second within each rate's measured window");

            StackProcesses stack = new StackProcesses(ProcFs.system(), List.of(suite.launcherPid()),
                    Optional.of(suite.postgresData()));
            try (TransferEvents events = new TransferEvents("127.0.0.1:" + ports.kafka(),
                    suite.kafkaClientProperties("suite-observer"), Topics.TRANSFERS_EVENTS).start();
                 SuiteTarget target = new SuiteTarget(SuitePorts.url(ports.transfers()), tokens, holders, events)) {
                List<String> accounts = List.copyOf(holders.keySet());
                Supplier<TransferOrder> orders = randomPairs(accounts, new Random(options.seed()));
                sleep(Duration.ofSeconds(5)); // let the funding's tail settle before measuring idle
                StackSample quietFrom = stack.sample();
                sleep(Duration.ofSeconds(10));
                StackSample idleSample = stack.sample();
                double idleCpuPerSecond = idleSample.cpuMillisSince(quietFrom)
                        / ((idleSample.takenAtNanos() - quietFrom.takenAtNanos()) / 1e9);
                say("Stack at idle: " + idleSample.processes().size() + " processes, "
                        + String.format("%.2f GiB PSS (%.2f GiB summing RSS), CPU %.0f ms/s with no traffic",
                        idleSample.pssBytes() / (1024.0 * 1024 * 1024), idleSample.rssBytes() / (1024.0 * 1024 * 1024),
                        idleCpuPerSecond) + ".");
                Optional<SequentialRun.Result> idle = Optional.empty();
                if (options.idle() > 0) {
                    say("Idle: " + options.idle() + " transfers one after another...");
                    idle = Optional.of(SequentialRun.run(target, orders, options.idle(), Duration.ofSeconds(60)));
                }
                List<RateResult> rates = new ArrayList<>();
                Map<String, Long> peakByPart = Map.of();
                for (int i = 0; i < options.rates().size(); i++) {
                    double rate = options.rates().get(i);
                    say(String.format("Rate %s/s for %d s (%d s warm-up), %s arrivals...", rate, options.duration().toSeconds(),
                            options.warmup().toSeconds(), options.arrivals().name().toLowerCase()));
                    ArrivalSchedule schedule = ArrivalSchedule.of(options.arrivals(), rate, options.duration(),
                            options.seed() + i);
                    RssSampler sampler = RssSampler.start(stack);
                    StackSample before = stack.sample();
                    LatencyRecorder recorder = new OpenLoopDriver(target, orders).run(schedule, options.duration(),
                            options.warmup(), options.drain());
                    StackSample after = stack.sample();
                    StackSample peak = sampler.stop();
                    RateResult result = RateResult.of(rate, options.arrivals().name(), recorder.snapshot(),
                            after.cpuMillisSince(before), recorder.completedTotal(), peak.rssBytes(), peak.pssBytes(),
                            after.cpuMillisByPartSince(before));
                    rates.add(result);
                    peakByPart = peak.pssBytesByPart();
                    say(String.format("  completed %.1f/s, booked p50 %.0f ms p99 %.0f ms, %d errors, %.1f ms CPU/transfer",
                            result.run().completedPerSecond(), result.run().bookedLatency().p50Ms(),
                            result.run().bookedLatency().p99Ms(), result.run().errors(), result.cpuMillisPerTransfer()));
                }
                if (events.recordTimestampsUsed() > 0) {
                    notes.add(events.recordTimestampsUsed() + " completions had no readable ce_time: their record"
                            + " timestamp was used");
                }
                List<org.banksuite.bench.report.Reference> references = List.of();
                if (options.references()) {
                    say("References on this machine: the naive baseline at the same rates, then the PostgreSQL ceiling...");
                    references = ReferenceRuns.measure(home, ports.postgres(), ports.kafka(), options, stack,
                            suite.postgresData(), Bench::say);
                }
                BenchReport report = new BenchReport(startedAt.toString(), machine, options.describe(), notes, idle,
                        idleSample.rssBytes(), idleSample.pssBytes(), idleSample.pssBytesByPart(), idleCpuPerSecond, rates, peakByPart,
                        references);
                write(home, startedAt, report);
            }
        }
    }

    private static void write(Path home, Instant startedAt, BenchReport report) throws IOException {
        Path directory = home.resolve("bench-results")
                .resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(startedAt));
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("results.json"), JsonReport.render(report));
        Files.writeString(directory.resolve("latency-vs-throughput.svg"), SvgPlot.render(
                "Internal transfers: latency vs throughput (" + report.startedAt() + ")", SvgPlot.seriesOf(report)));
        System.out.println();
        System.out.print(Table.render(report));
        System.out.println();
        say("Results: " + home.relativize(directory.resolve("results.json")) + ", plot: "
                + home.relativize(directory.resolve("latency-vs-throughput.svg")));
    }

    /** Random distinct debtor and creditor among the accounts, 1.00 DKK, a fresh idempotency key each. */
    static Supplier<TransferOrder> randomPairs(List<String> accounts, Random random) {
        return () -> {
            int debtor = random.nextInt(accounts.size());
            int creditor = random.nextInt(accounts.size() - 1);
            if (creditor >= debtor) {
                creditor++;
            }
            return new TransferOrder(accounts.get(debtor), accounts.get(creditor), AMOUNT_MINOR, "DKK",
                    UUID.randomUUID().toString());
        };
    }

    private static Map<String, String> machine() {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("loadAverageAtStart", String.format("%.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        try {
            Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:"))
                    .findFirst().ifPresent(line -> machine.put("memory", line.substring(9).trim()));
        } catch (IOException notLinux) {
            // left out
        }
        return machine;
    }

    private static void say(String line) {
        System.out.println(line);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Samples the stack's resident memory once a second and keeps the sample with the highest total. */
    private static final class RssSampler {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicReference<StackSample> peak = new AtomicReference<>();
        private Thread thread;

        static RssSampler start(StackProcesses stack) {
            RssSampler sampler = new RssSampler();
            sampler.peak.set(stack.sample());
            sampler.thread = Thread.ofPlatform().daemon().name("bench-rss").start(() -> {
                while (sampler.running.get()) {
                    StackSample now = stack.sample();
                    sampler.peak.accumulateAndGet(now, (a, b) -> b.pssBytes() > a.pssBytes() ? b : a);
                    sleep(Duration.ofSeconds(1));
                }
            });
            return sampler;
        }

        StackSample stop() {
            running.set(false);
            try {
                thread.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return peak.get();
        }
    }
}
