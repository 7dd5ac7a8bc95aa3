package org.banksuite.transfers.config;

import java.time.Duration;
import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.banksuite.kit.scheduling.SchedulerRetries;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Deadlines kept in PostgreSQL by db-scheduler, through Axon's {@link DbSchedulerDeadlineManager}: Axon's default
 * deadline manager keeps them in memory, where a restart would lose a scheduled transfer's date or a time-out.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfig {

    @Bean
    DbSchedulerDeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration axon,
                                               @Qualifier("eventSerializer") Serializer serializer,
                                               TransactionManager transactionManager) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }

    @Bean(destroyMethod = "stop")
    Scheduler deadlineScheduler(DataSource dataSource, ApplicationContext context) {
        return Scheduler.create(dataSource,
                        SchedulerRetries.axonDeadlineTask(() -> context.getBean(DbSchedulerDeadlineManager.class)))
                .threads(2)
                .pollingInterval(Duration.ofSeconds(1))
                .build();
    }

    /** Deadlines fire only once Axon's processors and sagas are up. */
    @EventListener(ApplicationReadyEvent.class)
    void startDeadlines(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(Scheduler.class).start();
    }
}
