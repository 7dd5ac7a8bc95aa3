package org.banksuite.adapter.config;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.banksuite.adapter.account.sync.EntrySyncTasks;
import org.banksuite.kit.scheduling.SchedulerRetries;
import org.banksuite.kit.tracing.HandlerSpans;
import org.banksuite.kit.tracing.MessageTracing;
import org.banksuite.kit.tracing.TraceparentOnDeadlines;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * db-scheduler in PostgreSQL for two things that must survive a restart and run on one replica: the sagas' deadlines
 * (the retries of core operations, through Axon's {@link DbSchedulerDeadlineManager}, run at once when due now by
 * {@link PromptDeadlineManager}; Axon's default keeps them in memory) and the posting-entry sync.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfig {

    @Bean
    DbSchedulerDeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration axon,
                                               @Qualifier("eventSerializer") Serializer serializer,
                                               TransactionManager transactionManager, Clock clock,
                                               MessageTracing tracing) {
        PromptDeadlineManager deadlines = new PromptDeadlineManager(DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .startScheduler(false)
                .stopScheduler(false), scheduler, clock);
        deadlines.registerDispatchInterceptor(new TraceparentOnDeadlines(tracing));
        deadlines.registerHandlerInterceptor(new HandlerSpans(tracing, "deadline"));
        return deadlines;
    }

    /**
     * @param pollingInterval {@code adapter.scheduler.polling-interval}: how often db-scheduler looks for due
     *                        executions (a deadline due later, a rescheduled sync), default {@code PT1S}; tests shorten
     *                        it so that their short back-offs are not rounded up to a second
     */
    @Bean(destroyMethod = "stop")
    Scheduler scheduler(DataSource dataSource, ApplicationContext context, EntrySyncTasks entrySync,
                        @Value("${adapter.scheduler.polling-interval:PT1S}") Duration pollingInterval) {
        return Scheduler.create(dataSource,
                        SchedulerRetries.axonDeadlineTask(() -> context.getBean(DbSchedulerDeadlineManager.class)),
                        entrySync.syncAccountTask())
                .startTasks(entrySync.syncAllTask())
                .threads(4)
                .pollingInterval(pollingInterval)
                // an attempt picked by an instance that died is run again after a minute, not db-scheduler's 30
                .heartbeatInterval(Duration.ofSeconds(10))
                .build();
    }

    /** Deadlines and syncs run only once Axon's processors and sagas are up. */
    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(Scheduler.class).start();
    }
}
