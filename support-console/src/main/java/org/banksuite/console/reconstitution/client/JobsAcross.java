package org.banksuite.console.reconstitution.client;

import java.util.List;

/**
 * The jobs of every service, newest first, and the services that could not list theirs.
 *
 * @param rows        every job listed
 * @param unavailable why a service could not be asked, one line each
 */
public record JobsAcross(List<JobRow> rows, List<String> unavailable) {

    public JobsAcross {
        rows = List.copyOf(rows);
        unavailable = List.copyOf(unavailable);
    }
}
