package org.banksuite.accounts.component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.banksuite.api.accounts.client.model.BlockRequest;
import org.banksuite.api.accounts.client.model.Currency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event store written before stored events had stable names (payload type: the Java class name, no revision)
 * keeps working: the projection reads its events, the aggregate loads from them, and what is stored now carries
 * stable names and revisions.
 */
class StoredEventVersionsIT extends ComponentTest {

    private static final String EVENTS = "org.banksuite.accounts.account.domain.AccountEvent$";

    @Autowired
    DataSource dataSource;

    @Test
    void keepsServingAnAccountStoredBeforeEventsWereNamed() {
        UUID id = UUID.randomUUID();
        storeAsBefore(id, List.of(
                Map.entry("AccountOpened", """
                        {"accountId":"%s","customerId":"legacy-1","currency":"DKK","recordType":"PERSONAL"}"""),
                Map.entry("AccountActivated", """
                        {"accountId":"%s","registrationNumber":"1234","accountNumber":"77"}"""),
                Map.entry("PostingBooked", """
                        {"accountId":"%s","postingId":"core:1","amount":{"amount":100.00,"currency":"DKK"},\
                        "text":"salary","reservationId":null,"capturedHold":null,\
                        "bookedBalance":{"amount":100.00,"currency":"DKK"}}"""),
                Map.entry("FundsReserved", """
                        {"accountId":"%s","reservationId":"t-1","amount":{"amount":30.00,"currency":"DKK"}}""")));

        awaitAccount(id, account -> account.getStatus().getValue().equals("ACTIVE")
                && account.getBookedBalance().getAmount().equals("100.00")
                && account.getAvailableBalance().getAmount().equals("70.00"));

        accounts.blockAccount(id, new BlockRequest().reason("checked after upgrade"));
        awaitAccount(id, account -> account.getStatus().getValue().equals("BLOCKED"));

        Map<String, Object> newest = jdbc().queryForMap("""
                select payloadtype, payloadrevision from domainevententry
                where aggregateidentifier = ? order by sequencenumber desc limit 1""", id.toString());
        assertThat(newest).containsEntry("payloadtype", "accounts.AccountBlocked").containsEntry("payloadrevision", "1");
    }

    @Test
    void storesInboundEventsUnderTheirStableNames() {
        UUID id = openActive("named-inbox", Currency.DKK);

        List<String> types = jdbc().queryForList("""
                select payloadtype || '/' || payloadrevision from domainevententry
                where aggregateidentifier = ? or convert_from(metadata, 'UTF8') like ? order by globalindex""",
                String.class, id.toString(), "%" + id + "%");
        assertThat(types).contains("accounts.AccountOpened/1", "accounts.AccountActivated/1",
                "inbox.partner-bank.CoreAccountOpened.v1/1");
    }

    private void storeAsBefore(UUID id, List<Map.Entry<String, String>> events) {
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            Map.Entry<String, String> event = events.get(sequence);
            jdbc().update("""
                    insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                        payload, payloadrevision, payloadtype, timestamp)
                    values (?, ?, 'Account', ?, ?, ?, null, ?, ?)""",
                    id.toString(), sequence, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                    event.getValue().formatted(id).getBytes(StandardCharsets.UTF_8), EVENTS + event.getKey(), now);
        }
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }
}
