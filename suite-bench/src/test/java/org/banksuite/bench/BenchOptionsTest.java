package org.banksuite.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.banksuite.bench.load.ArrivalSchedule.Arrivals;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsToTheIssuesRun() {
        BenchOptions options = BenchOptions.parse();

        assertThat(options.accounts()).isEqualTo(1000);
        assertThat(options.rates()).containsExactly(5.0, 10.0, 20.0, 50.0, 100.0, 150.0, 200.0, 250.0, 300.0);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.arrivals()).isEqualTo(Arrivals.CONSTANT);
        assertThat(options.idle()).isEqualTo(50);
        assertThat(options.references()).isTrue();
    }

    @Test
    void readsEachOption() {
        BenchOptions options = BenchOptions.parse("--accounts", "100", "--rates", "5,10", "--duration", "20s",
                "--warmup", "5s", "--arrivals", "poisson", "--idle", "0", "--drain", "2m", "--seed", "9", "--references", "off");

        assertThat(options.accounts()).isEqualTo(100);
        assertThat(options.rates()).containsExactly(5.0, 10.0);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.drain()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.arrivals()).isEqualTo(Arrivals.POISSON);
        assertThat(options.idle()).isZero();
        assertThat(options.seed()).isEqualTo(9);
        assertThat(options.references()).isFalse();
    }

    @Test
    void refusesUnknownOptionsAndBadValuesSayingWhich() {
        assertThatThrownBy(() -> BenchOptions.parse("--acounts", "5")).hasMessageContaining("--acounts");
        assertThatThrownBy(() -> BenchOptions.parse("--rates", "5,x")).hasMessageContaining("--rates");
        assertThatThrownBy(() -> BenchOptions.parse("--duration", "soon")).hasMessageContaining("--duration");
        assertThatThrownBy(() -> BenchOptions.parse("--warmup", "60s", "--duration", "60s"))
                .hasMessageContaining("--warmup");
        assertThatThrownBy(() -> BenchOptions.parse("--accounts", "1")).hasMessageContaining("at least 2");
    }
}
