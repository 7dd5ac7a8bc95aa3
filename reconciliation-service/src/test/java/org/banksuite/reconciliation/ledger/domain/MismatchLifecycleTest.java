package org.banksuite.reconciliation.ledger.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.banksuite.reconciliation.ledger.domain.MismatchLifecycle.Decisions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MismatchLifecycleTest {

    private static final Duration GRACE = Duration.ofMinutes(2);
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final Discrepancy UNBOOKED = new Discrepancy(MismatchKind.UNBOOKED_CORE_ENTRY, "a-1", "core:17",
            "DKK", new BigDecimal("-25.00"), BigDecimal.ZERO);

    @Test
    void startsTrackingANewDiscrepancyWithoutRaisingIt() {
        Decisions decisions = MismatchLifecycle.decide(List.of(UNBOOKED), List.of(), T0, GRACE);

        assertThat(decisions.notice()).containsExactly(UNBOOKED);
        assertThat(decisions.raise()).isEmpty();
    }

    @Test
    void keepsQuietWithinTheGracePeriod() {
        Decisions decisions = MismatchLifecycle.decide(List.of(UNBOOKED), List.of(noticed(T0)),
                T0.plus(GRACE).minusMillis(1), GRACE);

        assertThat(decisions.raise()).isEmpty();
        assertThat(decisions.notice()).isEmpty();
        assertThat(decisions.update()).containsExactly(UNBOOKED);
    }

    @Test
    void raisesADiscrepancyThatOutlastsTheGracePeriod() {
        TrackedMismatch tracked = noticed(T0);

        Decisions decisions = MismatchLifecycle.decide(List.of(UNBOOKED), List.of(tracked), T0.plus(GRACE), GRACE);

        assertThat(decisions.raise()).containsExactly(new MismatchLifecycle.Raise(tracked, UNBOOKED));
    }

    @Test
    void raisesOnlyOnce() {
        TrackedMismatch raised = new TrackedMismatch(UUID.randomUUID(), UNBOOKED.key(), T0, T0.plus(GRACE));

        Decisions decisions = MismatchLifecycle.decide(List.of(UNBOOKED), List.of(raised), T0.plus(GRACE.multipliedBy(5)),
                GRACE);

        assertThat(decisions.raise()).isEmpty();
        assertThat(decisions.resolve()).isEmpty();
    }

    @Test
    void resolvesARaisedMismatchThatIsGone() {
        TrackedMismatch raised = new TrackedMismatch(UUID.randomUUID(), UNBOOKED.key(), T0, T0.plus(GRACE));

        Decisions decisions = MismatchLifecycle.decide(List.of(), List.of(raised), T0.plus(GRACE.multipliedBy(2)), GRACE);

        assertThat(decisions.resolve()).containsExactly(raised);
        assertThat(decisions.forget()).isEmpty();
    }

    @Test
    void forgetsADiscrepancyThatHealedWithinTheGracePeriod() {
        TrackedMismatch tracked = noticed(T0);

        Decisions decisions = MismatchLifecycle.decide(List.of(), List.of(tracked), T0.plusSeconds(30), GRACE);

        assertThat(decisions.forget()).containsExactly(tracked);
        assertThat(decisions.resolve()).isEmpty();
    }

    private static TrackedMismatch noticed(Instant at) {
        return new TrackedMismatch(UUID.randomUUID(), UNBOOKED.key(), at, null);
    }
}
