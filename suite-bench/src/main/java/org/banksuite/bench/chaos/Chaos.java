package org.banksuite.bench.chaos;

import java.io.IOException;
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

import org.banksuite.api.proxy.client.ProxyAdminApi;
import org.banksuite.api.proxy.client.model.QuotaLimits;
import org.banksuite.api.transfers.client.model.TransferStatus;
import org.banksuite.bench.suite.LocalSuite;
import org.banksuite.bench.suite.SuitePorts;
import org.banksuite.launcher.demo.AccessTokens;
import org.banksuite.launcher.demo.ReconciliationSteps;
import org.banksuite.launcher.demo.SuiteClients;
import org.banksuite.launcher.demo.SuiteEndpoints;

/**
 * {@code ./suite chaos}: a steady mix of the suite's operations while processes are killed ({@code kill -9}) and
 * paused and the partner core misbehaves on a seeded schedule, then, once the suite healed, the invariants that say
 * no money was created, lost or hidden (see {@link LedgerChecks}, {@link TopicChecks}). Prints a summary, writes
 * {@code chaos.json}, exits 1 if an invariant was violated.
 */
public final class Chaos {

    /** The core's quota per minute during the run: above what the proxy lets through. */
    static final long CORE_LIMIT_PER_MINUTE = 100_000;
    /** The proxy's limits during the run: under the core's, so that the core never has to refuse. */
    static final long PROXY_LIMIT_PER_MINUTE = 60_000;
    private static final String SIMULATOR = "partner-bank-simulator";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private Chaos() {
    }

    public static void main(String[] args) {
        ChaosOptions options;
        try {
            if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
                System.out.print(ChaosOptions.USAGE);
                return;
            }
            options = ChaosOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(ChaosOptions.USAGE);
            System.exit(2);
            return;
        }
        Path home = Path.of(System.getProperty("suite.home", ".")).toAbsolutePath().normalize();
        int exit;
        try {
            exit = run(home, SuitePorts.from(System.getenv()), options).everyInvariantHeld() ? 0 : 1;
        } catch (IllegalStateException | IOException e) {
            System.err.println("The chaos run could not run: " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }

    /**
     * Runs the whole chaos run against the suite running in {@code home} (or one it starts with {@code ./suite up})
     * on {@code ports} (replica 1's; the others' come from the process table), and reports.
     *
     * @throws IllegalStateException when the suite cannot be reached or set up (not a violated invariant: that is in
     *                               the report)
     */
    public static ChaosReport run(Path home, SuitePorts ports, ChaosOptions options) throws IOException {
        Instant startedAt = Instant.now();
        say("Chaos run with seed " + options.seed() + " (repeat it with --seed " + options.seed() + ").");
        try (LocalSuite suite = LocalSuite.runningOrStarted(home, ports, Duration.ofMinutes(15), Chaos::say)) {
            ProcessTable processes = new ProcessTable(home);
            processes.await(Duration.ofMinutes(10));
            awaitEveryServiceReady(processes, Duration.ofMinutes(10));
            AccessTokens tokens = AccessTokens.fromClientsFile(SuitePorts.url(ports.issuer()), suite.clientsFile());
            Map<String, String> kafka = suite.kafkaClientProperties("suite-observer");
            Replicas replicas = replicas(processes, ports, tokens, kafka);
            say("The stack: " + processes.read().stream().map(ProcessTable.Entry::label).toList()
                    + "; BFF calls go to " + replicas.count() + " replica(s) in turn.");

            CoreFaults core = new CoreFaults(replicas.first().core(), CORE_LIMIT_PER_MINUTE);
            core.reset();
            for (String proxy : processes.urls("partner-bank-proxy")) {
                proxyAdmin(proxy, tokens).setProxyQuota(new QuotaLimits().perMinute(PROXY_LIMIT_PER_MINUTE)
                        .perHour(PROXY_LIMIT_PER_MINUTE * 60));
            }
            long refusedBefore = core.refusedSoFar();
            say("The core's quota is " + CORE_LIMIT_PER_MINUTE + "/min, the proxy's " + PROXY_LIMIT_PER_MINUTE
                    + "/min; the core answered " + refusedBefore + " 429s before the run.");

            RunBook book = new RunBook();
            String runId = Long.toString(startedAt.getEpochSecond(), 36);
            Workload workload = new Workload(replicas, book, options.seed(), runId, 10, Chaos::say);
            say("Opening and funding " + options.accounts() + " accounts...");
            workload.openFundedAccounts(options.accounts(), 8);

            // the simulator plays the partner's core: it is faulted through its admin API, never killed (its quota
            // and faults live in its memory, and a real core does not restart because the suite's tests say so)
            List<String> labels = processes.read().stream().filter(entry -> !entry.name().equals(SIMULATOR))
                    .map(ProcessTable.Entry::label).toList();
            List<Fault> plan = FaultPlan.draw(options.seed(), labels,
                    options.mustKill().isEmpty() ? labels : options.mustKill(), options.coreFaults(),
                    options.expectedLength(),
                    options.faultEvery());
            say("Load: " + options.transfers() + " transfers at " + options.perSecond() + " operations/s (about "
                    + options.expectedLength().toSeconds() + " s) with " + plan.size() + " faults.");
            FaultInjector faults = new FaultInjector(processes, core, Chaos::say).start(plan);
            long loadStart = System.nanoTime();
            workload.run(options.transfers(), options.perSecond());
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            faults.awaitPlan(Duration.ofMinutes(5));
            faults.stop();
            say(String.format("Load done in %.0f s; every fault ended. Healing...", loadSeconds));

            List<Check> checks = new ArrayList<>();
            long healDeadline = System.nanoTime() + options.healPatience().toNanos();
            checks.add(everyServiceReady(processes, remaining(healDeadline)));
            StackDatabases databases = new StackDatabases(home, ports.postgres());
            TransferOutcomes outcomes = TransferOutcomes.settle(databases, book.transfers(), remaining(healDeadline));
            checks.add(transfersEnded(book, outcomes));
            checks.add(OpeningOutcomes.everyOpeningEnded(databases, book.openingsAccepted(), remaining(healDeadline)));
            LedgerChecks ledger = new LedgerChecks(replicas, databases, book);
            checks.addAll(ledger.balances(remaining(healDeadline)));
            boolean healed = checks.stream().allMatch(Check::holds);
            double healSeconds = healed ? Duration.between(faults.lastFaultEnded(), Instant.now()).toMillis() / 1000.0 : -1;
            checks.add(ledger.conservation(outcomes));
            checks.add(ledger.postings());
            checks.add(ledger.executedOnceAtTheCore(outcomes));
            TopicChecks topics = new TopicChecks(databases, "127.0.0.1:" + ports.kafka(), kafka);
            checks.add(topics.everyStoredEventOnItsTopic(Duration.ofMinutes(2)));
            checks.add(topics.sequencesWithoutGaps());
            checks.add(quota(core, refusedBefore));
            checks.add(reconciliation(book, processes, tokens));

            ChaosReport report = new ChaosReport(options.seed(), replicas.count(), options, loadSeconds, healSeconds,
                    book.outcomes(), faults.injected(), restarts(processes), checks, faults.log());
            Path out = options.out().orElse(home.resolve("bench-results").resolve("chaos-"
                    + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(startedAt)));
            Files.createDirectories(out);
            Files.writeString(out.resolve("chaos.json"), report.json());
            System.out.println();
            System.out.print(report.summary());
            say("Written: " + out.resolve("chaos.json"));
            return report;
        }
    }

    private static Replicas replicas(ProcessTable processes, SuitePorts ports, AccessTokens tokens,
                                     Map<String, String> kafka) {
        List<String> accounts = processes.urls("accounts-service");
        List<String> transfers = processes.urls("transfers-service");
        List<String> adapters = processes.urls("partner-bank-adapter");
        List<String> reconciliation = processes.urls("reconciliation-service");
        List<SuiteClients> clients = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            clients.add(SuiteClients.of(new SuiteEndpoints(accounts.get(i), transfers.get(i % transfers.size()),
                    SuitePorts.url(ports.simulator()), adapters.get(i % adapters.size()), "127.0.0.1:" + ports.kafka(),
                    "", reconciliation.getFirst(), kafka), tokens, CALL_TIMEOUT));
        }
        return new Replicas(clients);
    }

    private static ProxyAdminApi proxyAdmin(String url, AccessTokens tokens) {
        return new ProxyAdminApi(new org.banksuite.api.proxy.client.invoker.ApiClient(
                org.banksuite.api.proxy.client.invoker.ApiClient.buildRestClientBuilder()
                        .requestInterceptor(AccessTokens.bearer(tokens.client(AccessTokens.OPERATOR))).build())
                .setBasePath(url));
    }

    private static Check everyServiceReady(ProcessTable processes, Duration patience) {
        List<String> notReady = awaitEveryServiceReady(processes, patience);
        return Check.of("every process back and ready", processes.read().size() + " processes, " + notReady.size()
                + " not ready", notReady);
    }

    private static List<String> awaitEveryServiceReady(ProcessTable processes, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<String> notReady = processes.read().stream()
                    .filter(entry -> !ProcessHandle.of(entry.pid()).map(ProcessHandle::isAlive).orElse(false)
                            || entry.kind().equals("service") && !LocalSuite.ready(entry.url()))
                    .map(ProcessTable.Entry::label).toList();
            if (notReady.isEmpty() || System.nanoTime() > deadline) {
                return notReady;
            }
            pause(Duration.ofSeconds(2));
        }
    }

    private static Check transfersEnded(RunBook book, TransferOutcomes outcomes) {
        int accepted = book.transfers().size();
        long booked = outcomes.count(TransferStatus.BOOKED);
        long rejected = outcomes.count(TransferStatus.REJECTED);
        List<String> open = book.transfers().keySet().stream()
                .filter(id -> outcomes.of(id) != TransferStatus.BOOKED && outcomes.of(id) != TransferStatus.REJECTED)
                .map(id -> id + " " + outcomes.of(id)).toList();
        return Check.of("100% of accepted transfers BOOKED or REJECTED", accepted + " accepted: " + booked + " BOOKED, "
                + rejected + " REJECTED, " + open.size() + " not ended", open);
    }

    private static Check quota(CoreFaults core, long refusedBefore) {
        long refused = core.refusedSoFar() - refusedBefore;
        long unexpected = refused - core.provoked429s();
        return Check.of("the core's quota never exceeded (no 429 the proxy did not expect)", refused
                + " 429s from the core, " + core.provoked429s() + " of them while the run squeezed its quota, "
                + unexpected + " unexpected", unexpected == 0 ? List.of() : List.of(unexpected + " unexpected 429s"));
    }

    private static Check reconciliation(RunBook book, ProcessTable processes, AccessTokens tokens) {
        try {
            List<String> open = new ReconciliationSteps(processes.urls("reconciliation-service").getFirst(),
                    tokens.client(AccessTokens.SUPPORT_AGENT)).reportOnceSettled(book.accounts(), Duration.ofMinutes(3))
                    .openMismatchesOfTheseAccounts();
            return Check.of("zero open reconciliation mismatches", book.accounts().size() + " accounts, "
                    + open.size() + " open mismatches", open);
        } catch (RuntimeException failed) {
            return Check.of("zero open reconciliation mismatches", "could not be read",
                    List.of(String.valueOf(failed.getMessage())));
        }
    }

    private static Map<String, Integer> restarts(ProcessTable processes) {
        Map<String, Integer> restarts = new LinkedHashMap<>();
        processes.read().forEach(entry -> restarts.put(entry.label(), entry.restarts()));
        return restarts;
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(Duration.ofSeconds(30).toNanos(), deadlineNanos - System.nanoTime()));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
