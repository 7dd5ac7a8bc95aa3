package org.banksuite.kit.deadletters.web;

import java.util.UUID;
import org.banksuite.kit.deadletters.SupportAudit;
import org.banksuite.kit.ops.api.AuditApi;
import org.banksuite.kit.ops.api.model.AuditPage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code /ops/v1/audit}: what support did, newest first. */
@RestController
class AuditController implements AuditApi {

    private final SupportAudit audit;

    AuditController(SupportAudit audit) {
        this.audit = audit;
    }

    @Override
    public ResponseEntity<AuditPage> listAuditEntries(String sequenceId, UUID jobId, Integer limit, String cursor) {
        return ResponseEntity.ok(OpsApiMapper.audit(audit.entries(sequenceId, jobId, limit, cursor)));
    }
}
