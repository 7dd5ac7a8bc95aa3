package org.banksuite.console.audit.client;

import org.banksuite.api.ops.client.model.AuditEntry;

/**
 * One audit entry in the table across services.
 *
 * @param service the service that recorded it
 * @param entry   the entry as that service answered it
 */
public record AuditRow(String service, AuditEntry entry) {
}
