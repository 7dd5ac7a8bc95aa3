package org.banksuite.bench.chaos;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultPlanTest {

    private static final List<String> STACK = List.of("accounts-service#1", "accounts-service#2", "transfers-service#1",
            "transfers-service#2", "postgres", "kafka");

    @Test
    void theSameSeedGivesTheSameSchedule() {
        assertThat(FaultPlan.draw(42, STACK, STACK, Duration.ofMinutes(10), Duration.ofSeconds(20)))
                .isEqualTo(FaultPlan.draw(42, STACK, STACK, Duration.ofMinutes(10), Duration.ofSeconds(20)));
        assertThat(FaultPlan.draw(42, STACK, STACK, Duration.ofMinutes(10), Duration.ofSeconds(20)))
                .isNotEqualTo(FaultPlan.draw(43, STACK, STACK, Duration.ofMinutes(10), Duration.ofSeconds(20)));
    }

    @Test
    void killsEveryRequiredProcessAndPlaysEveryKindOfFault() {
        List<Fault> plan = FaultPlan.draw(7, STACK, STACK, Duration.ofMinutes(2), Duration.ofMinutes(10));

        assertThat(plan).filteredOn(fault -> fault.kind() == Fault.Kind.KILL).extracting(Fault::target)
                .containsAll(STACK);
        assertThat(plan).extracting(Fault::kind).contains(Fault.Kind.values());
    }

    @Test
    void spreadsFaultsOverTheLoadAboutOnePerInterval() {
        List<Fault> plan = FaultPlan.draw(7, STACK, List.of("kafka"), Duration.ofMinutes(20), Duration.ofSeconds(20));

        assertThat(plan).hasSize(60);
        assertThat(plan).extracting(Fault::at).isSorted()
                .allSatisfy(at -> assertThat(at).isBetween(Duration.ZERO, Duration.ofMinutes(20)));
        assertThat(plan.getFirst().at()).isLessThan(Duration.ofSeconds(20));
        assertThat(plan.getLast().at()).isGreaterThan(Duration.ofMinutes(19));
    }

    @Test
    void pausesAndCoreFaultsLastSecondsAndKillsNone() {
        List<Fault> plan = FaultPlan.draw(3, STACK, STACK, Duration.ofMinutes(20), Duration.ofSeconds(10));

        assertThat(plan).filteredOn(fault -> fault.kind() == Fault.Kind.KILL)
                .allSatisfy(fault -> assertThat(fault.duration()).isZero());
        assertThat(plan).filteredOn(fault -> fault.kind() != Fault.Kind.KILL)
                .allSatisfy(fault -> assertThat(fault.duration()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(30)));
        assertThat(plan).filteredOn(fault -> fault.kind().atTheCore()).allSatisfy(fault -> assertThat(fault.target()).isEmpty());
    }

    @Test
    void refusesToKillAProcessTheStackDoesNotHave() {
        assertThatThrownBy(() -> FaultPlan.draw(1, STACK, List.of("adapter#3"), Duration.ofMinutes(1), Duration.ofSeconds(20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("adapter#3");
    }

    @Test
    void leavesTheCoreAloneWhenAskedTo() {
        List<Fault> plan = FaultPlan.draw(9, STACK, List.of("kafka", "postgres"), false, Duration.ofMinutes(10),
                Duration.ofSeconds(20));

        assertThat(plan).hasSize(30).noneMatch(fault -> fault.kind().atTheCore());
    }
}
