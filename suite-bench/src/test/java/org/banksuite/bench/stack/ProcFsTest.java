package org.banksuite.bench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProcFsTest {

    private final long self = ProcessHandle.current().pid();

    @Test
    void readsTheCpuTimeAndMemoryOfThisJvm() {
        ProcessSample sample = ProcFs.system().sample(self).orElseThrow();

        assertThat(sample.pid()).isEqualTo(self);
        assertThat(sample.cpuTicks()).isPositive(); // a JVM that loaded JUnit used more than 10 ms
        assertThat(sample.rssKiB()).isGreaterThan(10 * 1024); // a JVM is larger than 10 MiB resident
        assertThat(sample.peakRssKiB()).isGreaterThanOrEqualTo(sample.rssKiB());
        assertThat(sample.name()).isNotBlank();
        assertThat(sample.pssKiB()).isPositive().isLessThanOrEqualTo(sample.rssKiB());
    }

    @Test
    void cpuTimeGrowsWithWorkDone() {
        StackProcesses tree = new StackProcesses(ProcFs.system(), List.of(self), Optional.empty());
        StackSample before = tree.sample();
        long sink = 0;
        long until = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < until) {
            sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
        }
        StackSample after = tree.sample();

        assertThat(sink).isNotNegative();
        assertThat(after.cpuMillisSince(before)).isGreaterThanOrEqualTo(100); // 300 ms busy on one thread
        assertThat(after.rssBytes()).isPositive();
    }

    @Test
    void aProcessTreeHoldsTheRootAndItsChildren() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            StackProcesses tree = new StackProcesses(ProcFs.system(), List.of(self), Optional.empty());

            assertThat(tree.pids()).contains(self, child.pid());
            assertThat(tree.sample().processes()).extracting(ProcessSample::name).contains("sleep");
        } finally {
            child.destroy();
        }
    }

    @Test
    void aProcessThatIsGoneHasNoSample() {
        assertThat(ProcFs.system().sample(Integer.MAX_VALUE)).isEmpty();
    }

    @Test
    void readsUserAndSystemTimeAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 1 0 0 0 150 27 0 0 20 0 40 0 100 0 0";

        assertThat(ProcFs.cpuTicks(stat)).isEqualTo(177);
    }

    @Test
    void readsKibibytesFromStatus() {
        String status = "Name:\tjava\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n";

        assertThat(ProcFs.kib(status, "VmRSS:")).isEqualTo(102400);
        assertThat(ProcFs.kib(status, "VmHWM:")).isEqualTo(204800);
        assertThat(ProcFs.kib(status, "VmSwap:")).isZero();
    }

    @Test
    void namesTheStacksProcessesFromTheirCommandLines() {
        assertThat(ProcessNames.of("java -Xmx512m -jar /x/accounts-service/target/accounts-service.jar --a", "java"))
                .isEqualTo("accounts-service");
        assertThat(ProcessNames.of("java -cp a.jar org.banksuite.infra.BrokerMain", "java")).isEqualTo("kafka");
        assertThat(ProcessNames.of("postgres: walwriter", "postgres")).isEqualTo("postgres: walwriter");
        assertThat(ProcessNames.of("/tmp/pg/bin/postgres -D /x/.suite/data/postgres -p 5432", "postgres"))
                .isEqualTo("postgres (postmaster)");
    }
}
