package org.banksuite.console.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.banksuite.api.ops.client.AuditApi;
import org.banksuite.api.ops.client.DeadLettersApi;
import org.banksuite.api.ops.client.ReconstitutionJobsApi;
import org.banksuite.api.ops.client.ReconstitutionProducersApi;

/**
 * The services whose {@code /ops/v1} API the console calls, by name in configuration order, each with its
 * generated clients (calling with the signed-in person's token).
 *
 * @param deadLetters each service's dead-letter API
 * @param jobs        each service's reconstitution-jobs API
 * @param producers   each service's announcement of the producers a job may name
 * @param audit       each service's audit log
 */
public record OpsServices(Map<String, DeadLettersApi> deadLetters, Map<String, ReconstitutionJobsApi> jobs,
                          Map<String, ReconstitutionProducersApi> producers, Map<String, AuditApi> audit) {

    /** The services' names, in configuration order. */
    public List<String> names() {
        return List.copyOf(deadLetters.keySet());
    }

    /** The service's dead-letter API, or empty for a name not configured. */
    public Optional<DeadLettersApi> deadLetters(String service) {
        return Optional.ofNullable(deadLetters.get(service));
    }

    /** The service's reconstitution-jobs API, or empty for a name not configured. */
    public Optional<ReconstitutionJobsApi> jobs(String service) {
        return Optional.ofNullable(jobs.get(service));
    }

    /** The service's producers API, or empty for a name not configured. */
    public Optional<ReconstitutionProducersApi> producers(String service) {
        return Optional.ofNullable(producers.get(service));
    }

    /** The service's audit API, or empty for a name not configured. */
    public Optional<AuditApi> audit(String service) {
        return Optional.ofNullable(audit.get(service));
    }
}
