package org.banksuite.kit.deadletters.web;

import java.time.OffsetDateTime;
import java.util.List;
import org.banksuite.kit.deadletters.DeadLetterFilter;
import org.banksuite.kit.deadletters.DeadLetterQueries;
import org.banksuite.kit.deadletters.DeadLetterRepairs;
import org.banksuite.kit.deadletters.LetterView;
import org.banksuite.kit.deadletters.PersonalDataMask;
import org.banksuite.kit.ops.api.DeadLettersApi;
import org.banksuite.kit.ops.api.model.DeadLetterSequenceDetail;
import org.banksuite.kit.ops.api.model.DeadLetterSequencePage;
import org.banksuite.kit.ops.api.model.EvictionOutcome;
import org.banksuite.kit.ops.api.model.EvictionRequest;
import org.banksuite.kit.ops.api.model.RetryOutcome;
import org.banksuite.kit.ops.api.model.RetryReport;
import org.banksuite.kit.ops.api.model.RetryRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /ops/v1/dead-letters} of every service that imports the kit. Who may call what is {@link OpsAccessRules};
 * the audit's actor is the token's subject; letters are shown masked ({@link PersonalDataMask}) unless the caller is
 * a support lead.
 */
@RestController
class DeadLettersController implements DeadLettersApi {

    private final DeadLetterQueries queries;
    private final DeadLetterRepairs repairs;

    DeadLettersController(DeadLetterQueries queries, DeadLetterRepairs repairs) {
        this.queries = queries;
        this.repairs = repairs;
    }

    @Override
    public ResponseEntity<DeadLetterSequencePage> listDeadLetterSequences(String processingGroup, String entityId,
            String eventType, OffsetDateTime failedSince, Integer limit, String cursor) {
        DeadLetterFilter filter = new DeadLetterFilter(processingGroup, entityId, eventType,
                OpsApiMapper.instant(failedSince));
        return ResponseEntity.ok(OpsApiMapper.page(queries.sequences(filter, limit, cursor)));
    }

    @Override
    public ResponseEntity<DeadLetterSequenceDetail> getDeadLetterSequence(String sequenceId, String processingGroup) {
        List<LetterView> letters = queries.letters(processingGroup, sequenceId);
        if (!SupportActor.seesPersonalData()) {
            letters = letters.stream().map(PersonalDataMask::mask).toList();
        }
        return ResponseEntity.ok(OpsApiMapper.detail(processingGroup, sequenceId, letters));
    }

    @Override
    public ResponseEntity<RetryOutcome> retryDeadLetterSequence(String sequenceId, String processingGroup,
            RetryRequest request) {
        return ResponseEntity.ok(OpsApiMapper.outcome(
                repairs.retry(processingGroup, sequenceId, SupportActor.subject(), reason(request))));
    }

    @Override
    public ResponseEntity<RetryReport> retryAllDeadLetters(String processingGroup, RetryRequest request) {
        return ResponseEntity.ok(OpsApiMapper.report(
                repairs.retryAll(processingGroup, SupportActor.subject(), reason(request))));
    }

    @Override
    public ResponseEntity<EvictionOutcome> evictDeadLetterSequence(String sequenceId, EvictionRequest request,
            String processingGroup) {
        return ResponseEntity.ok(new EvictionOutcome().processingGroup(processingGroup).sequenceId(sequenceId)
                .evictedEventIds(repairs.evict(processingGroup, sequenceId, SupportActor.subject(),
                        request.getReason().strip())));
    }

    private static String reason(RetryRequest request) {
        return request == null || request.getReason() == null || request.getReason().isBlank() ? null
                : request.getReason().strip();
    }
}
