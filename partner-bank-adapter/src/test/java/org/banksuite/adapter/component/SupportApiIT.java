package org.banksuite.adapter.component;

import org.banksuite.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Nested;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The adapter's support API on one adapter with no core behind it: its door, its answers to bad requests and the
 * operation log's paging. They were three classes with a context each; as {@code @Nested} classes they share this
 * one. Nothing runs in the background here (no saga retries, no syncs), so counting the log's operations is exact,
 * which it would not be on {@link AdapterAgainstWireMockProxyIT}'s adapter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"adapter.entries.sync-interval=PT1H", "adapter.proxy.base-url=http://127.0.0.1:9"})
@RealInfrastructure
class SupportApiIT {

    @Nested
    class Door extends DoorChecks {
    }

    @Nested
    class Boundary extends BoundaryChecks {
    }

    @Nested
    class OperationLogPaging extends OperationLogPagingChecks {
    }
}
