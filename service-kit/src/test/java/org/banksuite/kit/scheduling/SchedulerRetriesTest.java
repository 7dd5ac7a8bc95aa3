package org.banksuite.kit.scheduling;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.Task;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerRetriesTest {

    @Test
    void waitsASecondThenDoublesUpToAMinute() {
        assertThat(SchedulerRetries.waitAfter(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SchedulerRetries.waitAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SchedulerRetries.waitAfter(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(SchedulerRetries.waitAfter(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SchedulerRetries.waitAfter(1000)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void axonsDeadlineTaskKeepsItsNameAndDataButRetriesSoon() {
        Task<DbSchedulerBinaryDeadlineDetails> axon = DbSchedulerDeadlineManager.binaryTask(() -> null);
        Task<DbSchedulerBinaryDeadlineDetails> task = SchedulerRetries.axonDeadlineTask(() -> null);

        assertThat(task.getName()).isEqualTo(axon.getName());
        assertThat(task.getDataClass()).isEqualTo(axon.getDataClass());
        assertThat(task.getFailureHandler()).isNotSameAs(axon.getFailureHandler())
                .hasSameClassAs(SchedulerRetries.soon());
    }
}
