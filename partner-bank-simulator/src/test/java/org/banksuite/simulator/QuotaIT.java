package org.banksuite.simulator;

import org.banksuite.testsupport.JsonHttp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaIT extends SimulatorIT {

    @Test
    void beyondTheQuotaTheCoreAnswers429WithRetryAfterAndAPerMinuteLimitTakesEffectAtRuntime() {
        String account = openAccount();
        admin.put("/admin/v1/quota", """
                {"limit": 3, "window": "HOUR"}""").expect(200);

        for (int i = 0; i < 3; i++) {
            http.get("/core/v1/accounts/1234/" + account + "/balance").expect(200);
            admin.get("/admin/v1/accounts/1234/" + account).expect(200); // the admin API is not counted
        }
        JsonHttp.Answer refused = http.get("/core/v1/accounts/1234/" + account + "/balance").expect(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:banksuite:problem:core-quota-exceeded");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(admin.get("/admin/v1/quota").expect(200).json().get("used").asLong()).isEqualTo(3);

        admin.put("/admin/v1/quota", """
                {"limit": 5, "window": "MINUTE"}""").expect(200);

        for (int i = 0; i < 5; i++) {
            http.get("/core/v1/accounts/1234/" + account + "/balance").expect(200);
        }
        JsonHttp.Answer perMinute = http.get("/core/v1/accounts/1234/" + account + "/balance");
        if (perMinute.status() == 200) {
            // the minute turned over during the loop: the next five fit in the new window, the sixth does not
            for (int i = 0; i < 4; i++) {
                http.get("/core/v1/accounts/1234/" + account + "/balance").expect(200);
            }
            perMinute = http.get("/core/v1/accounts/1234/" + account + "/balance");
        }
        perMinute.expect(429);
        assertThat(Long.parseLong(perMinute.header("Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    void aBrokenQuotaSettingIsRefused() {
        admin.put("/admin/v1/quota", """
                {"limit": 3, "window": "DAY"}""").expect(400);
        admin.put("/admin/v1/quota", """
                {"window": "HOUR"}""").expect(422);
    }
}
