package org.banksuite.simulator;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The simulator's notion of now, which its quota windows count in: the system clock (UTC), shifted by
 * {@code simulator.clock.offset} (an ISO-8601 duration, may be negative; default {@code PT0S}, the system clock
 * itself). Tests shift it, and the proxy under test by the same amount, to meet a window boundary within seconds
 * instead of waiting for the next calendar minute.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    Clock clock(@Value("${simulator.clock.offset:PT0S}") Duration offset) {
        return Clock.offset(Clock.systemUTC(), offset);
    }
}
