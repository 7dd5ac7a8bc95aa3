package org.banksuite.console.reconstitution.client;

import java.util.List;

/**
 * One producer a service announced ({@code GET /ops/v1/reconstitution-producers}), as the job form offers it.
 *
 * @param service    the producing service, where a job of this producer is created
 * @param domain     the producer's domain, e.g. {@code accounts}
 * @param entityType the producer's entity type, e.g. {@code account}
 * @param topic      the live topic its events go to
 * @param eventNames its events' names, sorted
 * @param receivers  the consuming services that read its topic, sorted
 */
public record ProducerChoice(String service, String domain, String entityType, String topic, List<String> eventNames,
                             List<String> receivers) {

    public ProducerChoice {
        eventNames = List.copyOf(eventNames);
        receivers = List.copyOf(receivers);
    }

    /** The form's value for this choice: {@code <service>:<domain>/<entityType>}. */
    public String key() {
        return service + ":" + domain + "/" + entityType;
    }

    /** {@code <domain>/<entityType>}, as the jobs table shows a producer. */
    public String name() {
        return domain + "/" + entityType;
    }
}
