package org.banksuite.console.audit.client;

import java.util.List;

/**
 * The entries of every service that pass the filters, newest first, and the services that could not be read.
 *
 * @param rows        the entries
 * @param unavailable why a service could not be asked, one line each
 */
public record AuditLog(List<AuditRow> rows, List<String> unavailable) {

    public AuditLog {
        rows = List.copyOf(rows);
        unavailable = List.copyOf(unavailable);
    }
}
