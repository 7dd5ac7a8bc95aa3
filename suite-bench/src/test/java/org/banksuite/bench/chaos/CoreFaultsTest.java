package org.banksuite.bench.chaos;

import java.nio.charset.StandardCharsets;

import org.banksuite.api.core.client.SimulatorAdminApi;
import org.banksuite.api.core.client.model.FaultSettings;
import org.banksuite.api.core.client.model.QuotaSettings;
import org.banksuite.api.core.client.model.QuotaState;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the chaos run counts the 429s it provoked by squeezing the core's quota, against a simulator admin API that
 * answers 503 at times (as it did while the issuer was down): found by the full run, whose quota check came out at
 * "28 of 27 429s provoked" after a squeeze the simulator never took.
 */
class CoreFaultsTest {

    private final Simulator simulator = new Simulator();
    private final CoreFaults faults = new CoreFaults(simulator, 100_000);

    @Test
    void countsNoProvoked429sForASqueezeTheSimulatorNeverTook() {
        faults.begin(Fault.Kind.CORE_QUOTA);
        simulator.refused += 5;
        faults.end(Fault.Kind.CORE_QUOTA);
        simulator.unavailable = true;

        assertThatThrownBy(() -> faults.begin(Fault.Kind.CORE_QUOTA)).isInstanceOf(RestClientResponseException.class);
        simulator.unavailable = false;
        faults.end(Fault.Kind.CORE_QUOTA);

        assertThat(faults.provoked429s()).isEqualTo(5);
        assertThat(faults.refusedSoFar() - faults.provoked429s()).as("429s the proxy did not expect").isZero();
    }

    @Test
    void keepsASqueezeInForceUntilTheSimulatorTookTheQuotaBack() {
        faults.begin(Fault.Kind.CORE_QUOTA);
        simulator.refused += 3;
        simulator.unavailable = true;

        assertThatThrownBy(() -> faults.end(Fault.Kind.CORE_QUOTA)).isInstanceOf(RestClientResponseException.class);
        simulator.refused += 2;
        simulator.unavailable = false;
        assertThat(faults.endAll()).as("a fault was still in force").isTrue();

        assertThat(simulator.limit).isEqualTo(100_000);
        assertThat(faults.provoked429s()).isEqualTo(5);
    }

    @Test
    void leavesACoreFaultOutOfForceWhenTheSimulatorRefusedIt() {
        simulator.unavailable = true;
        assertThatThrownBy(() -> faults.begin(Fault.Kind.CORE_ERRORS)).isInstanceOf(RestClientResponseException.class);
        simulator.unavailable = false;

        assertThat(faults.endAll()).as("a fault was still in force").isFalse();
    }

    /** The simulator's admin API as the run uses it: its quota, its count of 429s, its faults; 503 when unavailable. */
    private static final class Simulator extends SimulatorAdminApi {

        long refused;
        long limit;
        boolean unavailable;

        @Override
        public QuotaState getQuota() {
            answer();
            return new QuotaState().limit(limit).refused(refused);
        }

        @Override
        public QuotaState setQuota(QuotaSettings settings) {
            answer();
            limit = settings.getLimit();
            return new QuotaState().limit(limit).refused(refused);
        }

        @Override
        public FaultSettings setFaults(FaultSettings settings) {
            answer();
            return settings;
        }

        @Override
        public void clearFaults() {
            answer();
        }

        private void answer() {
            if (unavailable) {
                throw new RestClientResponseException("issuer unavailable", 503, "Service Unavailable",
                        HttpHeaders.EMPTY, new byte[0], StandardCharsets.UTF_8);
            }
        }
    }
}
