package org.banksuite.kit.deadletters.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.banksuite.kit.deadletters.AuditRecord;
import org.banksuite.kit.deadletters.DeadLetterQueries;
import org.banksuite.kit.deadletters.LetterCause;
import org.banksuite.kit.deadletters.LetterView;
import org.banksuite.kit.deadletters.RetryResult;
import org.banksuite.kit.deadletters.SequenceSummary;
import org.banksuite.kit.deadletters.SupportAudit;
import org.banksuite.kit.ops.api.model.AuditAction;
import org.banksuite.kit.ops.api.model.AuditEntry;
import org.banksuite.kit.ops.api.model.AuditPage;
import org.banksuite.kit.ops.api.model.Cause;
import org.banksuite.kit.ops.api.model.DeadLetter;
import org.banksuite.kit.ops.api.model.DeadLetterSequence;
import org.banksuite.kit.ops.api.model.DeadLetterSequenceDetail;
import org.banksuite.kit.ops.api.model.DeadLetterSequencePage;
import org.banksuite.kit.ops.api.model.RetryOutcome;
import org.banksuite.kit.ops.api.model.RetryReport;

/** The kit's dead-letter views as the generated API types, and back. */
final class OpsApiMapper {

    private OpsApiMapper() {
    }

    static DeadLetterSequencePage page(DeadLetterQueries.Page page) {
        return new DeadLetterSequencePage().items(page.items().stream().map(OpsApiMapper::sequence).toList())
                .nextCursor(page.next());
    }

    static DeadLetterSequenceDetail detail(String processingGroup, String sequenceId, List<LetterView> letters) {
        return new DeadLetterSequenceDetail().processingGroup(processingGroup).sequenceId(sequenceId)
                .letters(letters.stream().map(OpsApiMapper::letter).toList());
    }

    static RetryOutcome outcome(RetryResult result) {
        return new RetryOutcome().processingGroup(result.processingGroup()).sequenceId(result.sequenceId())
                .outcome(result.processed() ? RetryOutcome.OutcomeEnum.PROCESSED
                        : RetryOutcome.OutcomeEnum.STILL_FAILING)
                .remainingLetters(result.remainingLetters())
                .cause(cause(result.cause()));
    }

    static RetryReport report(List<RetryResult> results) {
        int processed = (int) results.stream().filter(RetryResult::processed).count();
        return new RetryReport().processed(processed).stillFailing(results.size() - processed)
                .sequences(results.stream().map(OpsApiMapper::outcome).toList());
    }

    static AuditPage audit(SupportAudit.Page page) {
        return new AuditPage().items(page.items().stream().map(OpsApiMapper::entry).toList())
                .nextCursor(page.next());
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static DeadLetterSequence sequence(SequenceSummary sequence) {
        return new DeadLetterSequence().processingGroup(sequence.processingGroup())
                .sequenceId(sequence.sequenceId()).letters(sequence.letters()).eventType(sequence.eventType())
                .cause(cause(sequence.cause())).attempts(sequence.attempts())
                .firstFailure(time(sequence.firstFailure())).lastFailure(time(sequence.lastFailure()));
    }

    private static DeadLetter letter(LetterView letter) {
        return new DeadLetter().eventId(letter.eventId()).eventType(letter.eventType())
                .payloadType(letter.payloadType()).payload(letter.payload())
                .metadata(letter.metadata()).cause(cause(letter.cause())).attempts(letter.attempts())
                .enqueuedAt(time(letter.enqueuedAt())).lastTouched(time(letter.lastTouched()));
    }

    private static AuditEntry entry(AuditRecord entry) {
        return new AuditEntry().id(entry.id()).at(time(entry.at())).supportUser(entry.supportUser())
                .action(AuditAction.valueOf(entry.action().name())).processingGroup(entry.processingGroup())
                .sequenceId(entry.sequenceId()).jobId(entry.jobId()).reason(entry.reason()).outcome(entry.outcome());
    }

    private static Cause cause(Optional<LetterCause> cause) {
        return cause.map(c -> new Cause().type(c.type()).message(c.message())).orElse(null);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
