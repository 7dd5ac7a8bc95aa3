package org.banksuite.reconciliation.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job's patience, under {@code reconciliation.*}.
 *
 * @param gracePeriod          how long a discrepancy must last before it is raised: longer than the posting sync's
 *                             interval plus the streams' usual lag, so work in flight is never reported
 * @param reservationThreshold how old an unsettled hold may get before it is a mismatch
 * @param transferThreshold    how long an accepted transfer may stay unfinished before it is a mismatch
 * @param checkInterval        how often the job compares (and publishes what it found)
 */
@ConfigurationProperties("reconciliation")
public record ReconciliationSettings(@DefaultValue("PT2M") Duration gracePeriod,
                                     @DefaultValue("PT1H") Duration reservationThreshold,
                                     @DefaultValue("PT1H") Duration transferThreshold,
                                     @DefaultValue("PT5S") Duration checkInterval) {
}
