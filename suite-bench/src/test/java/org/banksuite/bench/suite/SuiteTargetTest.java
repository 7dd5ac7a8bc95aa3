package org.banksuite.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.banksuite.bench.load.TransferOrder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SuiteTargetTest {

    @Test
    void sendsTheTransferAsTransfersServiceTakesIt() {
        String body = SuiteTarget.body(new TransferOrder("d-1", "c-2", 100, "DKK", "key"));

        JsonNode json = JsonMapper.builder().build().readTree(body);
        assertThat(json.path("debtorAccountId").asString()).isEqualTo("d-1");
        assertThat(json.path("creditor").path("accountId").asString()).isEqualTo("c-2");
        assertThat(json.path("amount").path("amount").asString()).isEqualTo("1.00");
        assertThat(json.path("amount").path("currency").asString()).isEqualTo("DKK");
        assertThat(json.path("debtorText").asString()).isNotBlank();
        assertThat(json.path("creditorText").asString()).isNotBlank();
    }

    @Test
    void readsTheTransferIdOfTheAnswer() {
        assertThat(SuiteTarget.transferId("{\"transferId\" : \"6b0f\",\"status\":\"REQUESTED\"}")).isEqualTo("6b0f");
        assertThat(SuiteTarget.transferId("{\"type\":\"urn:banksuite:problem:x\"}")).isNull();
    }
}
