package org.banksuite.kit.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.banksuite.testsupport.TestDatabase;
import org.banksuite.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SchedulerRetries#soon()} on a real db-scheduler and PostgreSQL: an execution that failed (as a deadline does
 * while PostgreSQL restarts) runs again about a second later, not after db-scheduler's five minutes.
 */
class SchedulerRetriesIT {

    @Test
    void anExecutionThatFailedRunsAgainWithinSeconds() throws InterruptedException {
        TestDatabase db = TestInfrastructure.get().newDatabase("kit-scheduler-retries");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password());
        new JdbcTemplate(dataSource).execute("""
                create table scheduled_tasks (task_name text not null, task_instance text not null, task_data bytea,
                    execution_time timestamp with time zone not null, picked boolean not null, picked_by text,
                    last_success timestamp with time zone, last_failure timestamp with time zone,
                    consecutive_failures int, last_heartbeat timestamp with time zone, version bigint not null,
                    priority smallint, primary key (task_name, task_instance))""");
        List<Instant> runs = new CopyOnWriteArrayList<>();
        OneTimeTask<Void> failsOnce = Tasks.oneTime("fails-once").onFailure(SchedulerRetries.<Void>soon())
                .execute((instance, context) -> {
                    runs.add(Instant.now());
                    if (runs.size() == 1) {
                        throw new IllegalStateException("the database is restarting");
                    }
                });
        Scheduler scheduler = Scheduler.create(dataSource, failsOnce).pollingInterval(Duration.ofMillis(200)).build();
        try {
            scheduler.start();
            scheduler.schedule(failsOnce.instance("1"), Instant.now());

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (runs.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(runs).as("runs of the task").hasSize(2);
            assertThat(Duration.between(runs.get(0), runs.get(1))).isLessThan(Duration.ofSeconds(5));
        } finally {
            scheduler.stop();
        }
    }
}
