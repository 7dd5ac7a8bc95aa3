package org.banksuite.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.banksuite.testsupport.JsonHttp;
import org.banksuite.testsupport.KafkaTopicProbe;
import org.banksuite.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The baseline against a real PostgreSQL and Kafka: balances move, the record is on the topic, refusals change nothing. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "baseline.topic=${suite.topics.prefix}baseline.transfers")
class BaselineIT {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${baseline.topic}")
    String topic;

    JsonHttp http;

    @BeforeEach
    void seed() {
        http = new JsonHttp("http://127.0.0.1:" + port);
        http.post("/accounts/seed", null, "{\"count\": 3, \"balance\": \"100.00\"}").expect(201);
    }

    @Test
    void movesTheAmountBetweenTheTwoBalancesAndPublishesTransferBooked() {
        JsonNode booked = http.post("/transfers", null,
                "{\"debtor\": \"baseline-0\", \"creditor\": \"baseline-1\", \"amount\": \"12.50\"}").expect(201).json();

        assertThat(balance("baseline-0")).isEqualTo("87.50");
        assertThat(balance("baseline-1")).isEqualTo("112.50");
        assertThat(balance("baseline-2")).isEqualTo("100.00");
        String transferId = booked.get("transferId").asString();
        try (KafkaTopicProbe probe = new KafkaTopicProbe(bootstrapServers)) {
            List<ConsumerRecord<String, byte[]>> records = probe.awaitRecords(topic, 1, Duration.ofSeconds(30));
            ConsumerRecord<String, byte[]> record = records.stream()
                    .filter(candidate -> transferId.equals(candidate.key())).findFirst().orElseThrow();
            JsonNode value = JsonMapper.builder().build()
                    .readTree(new String(record.value(), StandardCharsets.UTF_8));
            assertThat(value.get("debtor").asString()).isEqualTo("baseline-0");
            assertThat(value.get("creditor").asString()).isEqualTo("baseline-1");
            assertThat(value.get("amount").asString()).isEqualTo("12.50");
        }
    }

    @Test
    void refusesATransferTheDebtorCannotPayAndMovesNothing() {
        JsonHttp.Answer refused = http.post("/transfers", null,
                "{\"debtor\": \"baseline-0\", \"creditor\": \"baseline-1\", \"amount\": \"100.01\"}").expect(409);

        assertThat(refused.json().get("type").asString()).isEqualTo("urn:banksuite:problem:baseline-insufficient-funds");
        assertThat(balance("baseline-0")).isEqualTo("100.00");
        assertThat(balance("baseline-1")).isEqualTo("100.00");
    }

    @Test
    void refusesAnUnknownCreditorAndMovesNothing() {
        http.post("/transfers", null,
                "{\"debtor\": \"baseline-0\", \"creditor\": \"nobody\", \"amount\": \"1.00\"}").expect(404);

        assertThat(balance("baseline-0")).isEqualTo("100.00");
    }

    @Test
    void refusesANonPositiveAmountAsABadRequest() {
        http.post("/transfers", null,
                "{\"debtor\": \"baseline-0\", \"creditor\": \"baseline-1\", \"amount\": \"-1.00\"}").expect(400);

        assertThat(balance("baseline-1")).isEqualTo("100.00");
    }

    private String balance(String account) {
        return http.get("/accounts/" + account).expect(200).json().get("balance").asString();
    }
}
