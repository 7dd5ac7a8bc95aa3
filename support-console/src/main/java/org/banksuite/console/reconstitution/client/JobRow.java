package org.banksuite.console.reconstitution.client;

import org.banksuite.api.ops.client.model.ReconstitutionJob;

/**
 * One job in the table across services.
 *
 * @param service the producing service the job runs on
 * @param job     the job as that service answered it
 */
public record JobRow(String service, ReconstitutionJob job) {
}
