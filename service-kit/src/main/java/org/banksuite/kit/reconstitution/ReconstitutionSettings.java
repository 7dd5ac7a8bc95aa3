package org.banksuite.kit.reconstitution;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code suite.reconstitution.*}: how often a replica looks for jobs, how long its lease on a running job lasts
 * without a checkpoint, and how many events a batch reads.
 */
@ConfigurationProperties("suite.reconstitution")
public record ReconstitutionSettings(@DefaultValue("1s") Duration pollInterval, @DefaultValue("30s") Duration lease,
                                     @DefaultValue("500") int batchSize) {
}
