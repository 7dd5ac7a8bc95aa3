package org.banksuite.events;

import java.io.ByteArrayInputStream;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Schemas shipped in the jar describe exactly what the records write and accept. */
class EventSchemaTest {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    static List<CatalogEntry> eventTypes() {
        return EventCatalog.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void goldenFileSatisfiesItsSchema(CatalogEntry entry) {
        assertThat(errors(entry, golden(entry))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void schemaDescribesEveryRecordComponent(CatalogEntry entry) {
        JsonNode properties = schemaNode(entry).get("properties");

        assertThat(properties.propertyNames()).containsExactlyElementsOf(GoldenFileTest.componentNames(entry));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void schemaRequiresExactlyTheFieldsTheRecordRequires(CatalogEntry entry) {
        for (String field : GoldenFileTest.componentNames(entry)) {
            ObjectNode without = golden(entry);
            without.remove(field);

            boolean schemaAccepts = errors(entry, without).isEmpty();
            boolean recordAccepts = readable(entry, without);

            assertThat(schemaAccepts).as("%s without %s: schema accepts", entry.ceType(), field)
                    .isEqualTo(recordAccepts);
        }
    }

    @Test
    void rejectsAPayloadMissingARequiredField() {
        CatalogEntry entry = EventCatalog.entryOf("accounts.AccountOpened.v1");
        ObjectNode payload = golden(entry);
        payload.remove("customerId");

        assertThat(errors(entry, payload)).extracting(Error::getKeyword).contains("required");
    }

    @Test
    void rejectsAnAmountWithThreeDecimals() {
        CatalogEntry entry = EventCatalog.entryOf("accounts.FundsReserved.v1");
        ObjectNode payload = golden(entry);
        ((ObjectNode) payload.get("amount")).put("amount", "12.345");

        assertThat(errors(entry, payload)).extracting(Error::getKeyword).contains("pattern");
        assertThat(readable(entry, payload)).isFalse();
    }

    @Test
    void rejectsAnUnsupportedCurrency() {
        CatalogEntry entry = EventCatalog.entryOf("accounts.PostingBooked.v1");
        ObjectNode payload = golden(entry);
        ((ObjectNode) payload.get("bookedBalance")).put("currency", "USD");

        assertThat(errors(entry, payload)).extracting(Error::getKeyword).contains("enum");
        assertThat(readable(entry, payload)).isFalse();
    }

    @Test
    void rejectsAMalformedTimestamp() {
        CatalogEntry entry = EventCatalog.entryOf("transfers.TransferRejected.v1");
        ObjectNode payload = golden(entry);
        payload.put("rejectedAt", "23/11/2026 08:00");

        assertThat(errors(entry, payload)).extracting(Error::getKeyword).contains("format");
    }

    @Test
    void rejectsACreditorWithBothForms() {
        CatalogEntry entry = EventCatalog.entryOf("transfers.TransferRequested.v1");
        ObjectNode payload = golden(entry);
        ((ObjectNode) payload.get("creditor")).put("accountId", "9b71d224-3c85-4f6e-a0d2-7e4c5b9f1a63");

        assertThat(errors(entry, payload)).isNotEmpty();
        assertThat(readable(entry, payload)).isFalse();
    }

    @Test
    void acceptsACreditorThatIsAnAccountOfTheSuite() {
        CatalogEntry entry = EventCatalog.entryOf("transfers.TransferRequested.v1");
        ObjectNode payload = golden(entry);
        payload.putObject("creditor").put("accountId", "9b71d224-3c85-4f6e-a0d2-7e4c5b9f1a63");

        assertThat(errors(entry, payload)).isEmpty();
        assertThat(readable(entry, payload)).isTrue();
    }

    @Test
    void rejectsAScheduledTransferWithoutAnExecutionDate() {
        CatalogEntry entry = EventCatalog.entryOf("transfers.TransferScheduled.v1");
        ObjectNode payload = golden(entry);
        payload.remove("executionDate");

        assertThat(errors(entry, payload)).extracting(Error::getKeyword).contains("required");
        assertThat(readable(entry, payload)).isFalse();
    }

    @Test
    void rejectsAnOverdueAnswerToAPaymentNeverAskedFor() {
        CatalogEntry entry = EventCatalog.entryOf("transfers.TransferCoreAnswerOverdue.v1");
        ObjectNode payload = golden(entry);
        payload.put("timesAsked", 0);

        assertThat(errors(entry, payload)).extracting(Error::getKeyword).contains("minimum");
        assertThat(readable(entry, payload)).isFalse();
    }

    /** accounts-service books postings under ids derived from the core entry or the transfer, not UUIDs. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"core:17", "core:BC-2026-1122-000481",
            "7c9e6679-7425-40de-944b-e07fc1f90ae7/debit", "7c9e6679-7425-40de-944b-e07fc1f90ae7/credit"})
    void acceptsThePostingIdsAccountsServicePublishes(String postingId) {
        CatalogEntry entry = EventCatalog.entryOf("accounts.PostingBooked.v1");
        ObjectNode payload = golden(entry);
        payload.put("postingId", postingId);

        assertThat(errors(entry, payload)).isEmpty();
    }

    /** The core's payment key is whatever the payer gave; only the suite's own transfers use UUIDs. */
    @Test
    void acceptsACoreEntryWhosePaymentKeyIsNoUuid() {
        CatalogEntry entry = EventCatalog.entryOf("partner-bank.CorePostingEntryBooked.v1");
        ObjectNode payload = golden(entry);
        payload.put("transferId", "NETBANK-2026-000017");

        assertThat(errors(entry, payload)).isEmpty();
    }

    @Test
    void rejectsAMismatchWithoutAKind() {
        CatalogEntry entry = EventCatalog.entryOf("reconciliation.ReconciliationMismatchDetected.v1");
        ObjectNode payload = golden(entry);
        payload.remove("kind");

        assertThat(errors(entry, payload)).extracting(Error::getKeyword).contains("required");
        assertThat(readable(entry, payload)).isFalse();
    }

    private static List<Error> errors(CatalogEntry entry, JsonNode payload) {
        Schema schema = SCHEMAS.getSchema(new ByteArrayInputStream(Resources.read(entry.schemaResource())));
        return schema.validate(payload);
    }

    private static JsonNode schemaNode(CatalogEntry entry) {
        return EventJson.mapper().readTree(Resources.read(entry.schemaResource()));
    }

    private static ObjectNode golden(CatalogEntry entry) {
        return (ObjectNode) EventJson.mapper().readTree(Resources.golden(entry));
    }

    private static boolean readable(CatalogEntry entry, JsonNode payload) {
        try {
            EventJson.deserialize(entry.ceType(), EventJson.mapper().writeValueAsBytes(payload));
            return true;
        } catch (UnreadableEventException e) {
            return false;
        }
    }
}
