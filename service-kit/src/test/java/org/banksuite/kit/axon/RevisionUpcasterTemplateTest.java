package org.banksuite.kit.axon;

import java.nio.file.Path;
import org.banksuite.events.Amount;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example for the team: a stored event whose fields change between revisions. Revision 1 of
 * {@code example.FeeCharged} held the fee as {@code amount} and {@code currency}; revision 2 holds it as one
 * {@code fee}. The fixtures under {@code stored-events-template/example.FeeCharged} keep every revision as stored
 * (and the class-name form before types were named); today's record reads them all through the upcaster.
 *
 * <p>To change a stored event: write the step as below, declare it with {@code .upcaster(...)}, raise the type's
 * revision in the service's registry, keep the old fixture and add the new revision's.
 */
class RevisionUpcasterTemplateTest {

    /** Today's shape of the event, revision 2. */
    record FeeCharged(String accountId, Amount fee) {
    }

    /** Revision 1 to 2: {@code amount} and {@code currency} become {@code fee}. */
    static final class FeeChargedFeeAsOneAmount extends RevisionUpcaster {

        FeeChargedFeeAsOneAmount() {
            super("example.FeeCharged", "1", "2");
        }

        @Override
        protected ObjectNode upcast(ObjectNode payload) {
            ObjectNode fee = payload.objectNode();
            fee.set("amount", payload.remove("amount"));
            fee.set("currency", payload.remove("currency"));
            payload.set("fee", fee);
            return payload;
        }
    }

    private final StoredEventTypes types = StoredEventTypes.builder()
            .event(FeeCharged.class, "example.FeeCharged", "2")
            .upcaster(new FeeChargedFeeAsOneAmount())
            .build();
    private final StoredEventFixtures fixtures = new StoredEventFixtures(
            Path.of("src/test/resources/stored-events-template"),
            StableNameSerializer.create(types, AxonJackson::allowAxonAndSuiteTypes));

    @Test
    void readsRevisionOneWithTheFeeAsOneAmount() {
        assertThat(fixtures.read("example.FeeCharged", "1"))
                .isEqualTo(new FeeCharged("acc-1", new Amount("12.50", "DKK")));
    }

    @Test
    void readsTheClassNameFormThroughRevisionOne() {
        assertThat(fixtures.read("example.FeeCharged", StoredEventFixtures.LEGACY))
                .isEqualTo(new FeeCharged("acc-2", new Amount("3.00", "EUR")));
    }

    @Test
    void storesTodaysEventAsTheFixtureOfRevisionTwo() {
        fixtures.assertCurrentRevisionsMatchTodaysSerialization(type -> type.name().startsWith("example."),
                new SampleEvents().with(Amount.class, new Amount("12.50", "DKK")));
        fixtures.assertEveryFixtureIsRead();
    }
}
