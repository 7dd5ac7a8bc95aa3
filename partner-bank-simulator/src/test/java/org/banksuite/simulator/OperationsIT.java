package org.banksuite.simulator;

import org.banksuite.testsupport.JsonHttp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsIT extends SimulatorIT {

    @Test
    void healthAndPrometheusAnswerAndCountCoreRequests() {
        String account = openAccount();
        http.get("/core/v1/accounts/1234/" + account + "/balance").expect(200);

        assertThat(http.get("/actuator/health/readiness").expect(200).json().get("status").asString()).isEqualTo("UP");
        http.get("/actuator/health/liveness").expect(200);
        String metrics = http.get("/actuator/prometheus").expect(200).response().body();
        assertThat(metrics).contains("simulator_core_requests_total{").contains("outcome=\"passed\"")
                .contains("simulator_quota_used").contains("simulator_quota_limit");
    }
}
