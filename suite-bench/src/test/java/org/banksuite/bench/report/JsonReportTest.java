package org.banksuite.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonReportTest {

    @Test
    void holdsEveryRatesFiguresTheIdlePhaseTheMemoryAndTheTargetsVerdicts() {
        BenchReport report = Reports.report(List.of(Reports.rate(100, 99.2, 30, 180, 700, 0, 6.5)), 240)
                .withReferences(List.of(new Reference("postgres-ceiling", 2400, 0.9, 1.2, 4.5)));

        JsonNode json = JsonMapper.builder().build().readTree(JsonReport.render(report));

        JsonNode rate = json.path("report").path("rates").path(0);
        assertThat(rate.path("offeredPerSecond").asDouble()).isEqualTo(100);
        assertThat(rate.path("run").path("completedPerSecond").asDouble()).isEqualTo(99.2);
        assertThat(rate.path("run").path("accept").path("p99Ms").asDouble()).isEqualTo(30);
        assertThat(rate.path("run").path("bookedLatency").path("p50Ms").asDouble()).isEqualTo(180);
        assertThat(rate.path("cpuMillisPerTransfer").asDouble()).isEqualTo(6.5);
        assertThat(rate.path("cpuMillisByPart").path("postgres").asDouble()).isEqualTo(300);
        assertThat(json.path("report").path("idle").path("bookedFromAccept").path("p50Ms").asDouble()).isEqualTo(240);
        assertThat(json.path("report").path("idlePssBytes").asLong()).isEqualTo(1_200_000_000L);
        assertThat(json.path("report").path("idlePssByPart").path("kafka").asLong()).isEqualTo(600_000_000L);
        assertThat(rate.path("peakPssBytes").asLong()).isEqualTo(1_500_000_000L);
        assertThat(json.path("report").path("idleCpuMillisPerSecond").asDouble()).isEqualTo(150.0);
        assertThat(json.path("report").path("references").path(0).path("name").asString()).isEqualTo("postgres-ceiling");
        assertThat(json.path("targets").size()).isEqualTo(Targets.check(report).size());
        assertThat(json.path("targets").path(0).path("verdict").asString()).isEqualTo("MET");
    }
}
