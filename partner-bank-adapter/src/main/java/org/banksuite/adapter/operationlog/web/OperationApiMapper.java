package org.banksuite.adapter.operationlog.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.banksuite.adapter.api.model.CoreOperation;
import org.banksuite.adapter.api.model.CoreOperationAttempt;
import org.banksuite.adapter.api.model.CoreOperationKind;
import org.banksuite.adapter.api.model.CoreOperationPage;
import org.banksuite.adapter.api.model.CoreOperationStatus;
import org.banksuite.adapter.api.model.CoreOperationSummary;
import org.banksuite.adapter.operationlog.LoggedAttempt;
import org.banksuite.adapter.operationlog.LoggedOperation;
import org.banksuite.adapter.operationlog.OperationPage;

/** The operation log in the API's shapes. */
final class OperationApiMapper {

    private OperationApiMapper() {
    }

    static CoreOperationPage page(OperationPage page) {
        return new CoreOperationPage(page.items().stream().map(OperationApiMapper::summary).toList())
                .nextCursor(page.nextCursor());
    }

    static CoreOperation operation(LoggedOperation operation) {
        return new CoreOperation(operation.operationId(), CoreOperationKind.fromValue(operation.kind()),
                CoreOperationStatus.fromValue(operation.status()), time(operation.startedAt()), operation.attempts(),
                operation.attemptLog().stream().map(OperationApiMapper::attempt).toList())
                .accountId(operation.accountId()).transferId(operation.transferId()).outcome(operation.outcome())
                .lastAttemptAt(time(operation.lastAttemptAt())).completedAt(time(operation.completedAt()));
    }

    private static CoreOperationSummary summary(LoggedOperation operation) {
        return new CoreOperationSummary(operation.operationId(), CoreOperationKind.fromValue(operation.kind()),
                CoreOperationStatus.fromValue(operation.status()), time(operation.startedAt()), operation.attempts())
                .accountId(operation.accountId()).transferId(operation.transferId()).outcome(operation.outcome())
                .lastAttemptAt(time(operation.lastAttemptAt())).completedAt(time(operation.completedAt()));
    }

    private static CoreOperationAttempt attempt(LoggedAttempt attempt) {
        return new CoreOperationAttempt(attempt.attempt(), attempt.call(), time(attempt.startedAt()),
                attempt.durationMillis(), CoreOperationAttempt.OutcomeEnum.fromValue(attempt.outcome()))
                .httpStatus(attempt.httpStatus()).failure(attempt.failure())
                .retryAfterSeconds(attempt.retryAfterSeconds());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
