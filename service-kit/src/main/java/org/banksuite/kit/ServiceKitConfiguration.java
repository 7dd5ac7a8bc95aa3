package org.banksuite.kit;

import org.banksuite.kit.idempotency.IdempotencyConfiguration;
import org.banksuite.kit.inbox.InboxConfiguration;
import org.banksuite.kit.persistence.PersistenceConfiguration;
import org.banksuite.kit.tracing.TracingConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Everything an event-sourced service of the suite shares: persistence wiring, tracing, the inbox with its
 * dead letters, and idempotent requests. A service imports this once, in its own configuration.
 */
@Configuration(proxyBeanMethods = false)
@Import({PersistenceConfiguration.class, TracingConfiguration.class, InboxConfiguration.class,
        IdempotencyConfiguration.class})
public class ServiceKitConfiguration {
}
