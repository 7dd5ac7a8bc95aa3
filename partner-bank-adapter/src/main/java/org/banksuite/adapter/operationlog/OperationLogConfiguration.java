package org.banksuite.adapter.operationlog;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The operation log and its gauge {@code adapter.core.operations.overdue}: operations still retried after
 * {@code adapter.core.overdue-after} (15 min), for alerting.
 */
@Configuration(proxyBeanMethods = false)
class OperationLogConfiguration {

    @Bean
    OperationLog operationLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, MeterRegistry meters) {
        return new OperationLog(jdbc, transactions, meters);
    }

    @Bean
    OperationLogQueries operationLogQueries(JdbcTemplate jdbc, MeterRegistry meters,
                                            @Value("${adapter.core.overdue-after:PT15M}") Duration overdueAfter) {
        OperationLogQueries queries = new OperationLogQueries(jdbc);
        Gauge.builder("adapter.core.operations.overdue", () -> queries.overdue(overdueAfter))
                .description("Core operations retried for longer than adapter.core.overdue-after").register(meters);
        return queries;
    }
}
