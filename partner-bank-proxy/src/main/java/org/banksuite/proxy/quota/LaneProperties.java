package org.banksuite.proxy.quota;

import org.banksuite.proxy.quota.domain.Lane;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code proxy.lanes.*}: how many calls may wait in each lane, and for how long; and {@code recheck}, the longest
 * the dispatcher waits before it asks the shared quota again while calls wait (a duration, default {@code PT1S}),
 * so that it sees a limit another replica changed or a clock that moved.
 */
@ConfigurationProperties("proxy.lanes")
public record LaneProperties(@DefaultValue Limits interactive, @DefaultValue Limits batch,
                             @DefaultValue("PT1S") Duration recheck) {

    public record Limits(@DefaultValue("200") int capacity, @DefaultValue("PT10S") Duration maxWait) {
    }

    Limits of(Lane lane) {
        return lane == Lane.INTERACTIVE ? interactive : batch;
    }
}
