package org.banksuite.console.config;

import java.util.Optional;

import org.banksuite.api.adapter.client.CoreOperationsApi;
import org.springframework.web.client.RestClient;

/**
 * The APIs the entity story calls besides the ops APIs, with the signed-in person's token; either may be missing
 * from the configuration (the story then shows it as unavailable).
 *
 * @param coreOperations partner-bank-adapter's operation log ({@code console.services.partner-bank-adapter}), or null
 * @param reconciliation reconciliation-service ({@code console.story.reconciliation-url}), or null
 */
public record StoryApis(CoreOperationsApi coreOperations, RestClient reconciliation) {

    /** The adapter's operation log, if configured. */
    public Optional<CoreOperationsApi> adapter() {
        return Optional.ofNullable(coreOperations);
    }

    /** reconciliation-service's API, if configured. */
    public Optional<RestClient> reconciliationService() {
        return Optional.ofNullable(reconciliation);
    }
}
