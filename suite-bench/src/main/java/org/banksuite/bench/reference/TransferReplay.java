package org.banksuite.bench.reference;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import org.banksuite.bench.reference.SuiteSqlPattern.Commit;
import org.banksuite.bench.reference.SuiteSqlPattern.Step;

/**
 * Replays {@link SuiteSqlPattern} for one transfer after another on one connection (not thread-safe: one per
 * connection). Rows have the widths seen on the stack: event payloads of about 200 bytes and metadata of about 270,
 * tokens of about 60. Statements are the ones Axon's JDBC stores and the suite's own code run, with the same indexes.
 */
final class TransferReplay implements AutoCloseable {

    private static final int PAYLOAD_BYTES = 200;
    private static final int METADATA_BYTES = 270;
    private static final int TOKEN_BYTES = 60;
    private static final BigDecimal AMOUNT = new BigDecimal("1.00");

    private final Connection connection;
    private final Random random;
    private final byte[] payload = new byte[PAYLOAD_BYTES];
    private final byte[] metadata = new byte[METADATA_BYTES];
    private final byte[] token = new byte[TOKEN_BYTES];
    private final PreparedStatement appendEvent;
    private final PreparedStatement eventExists;
    private final PreparedStatement loadSnapshot;
    private final PreparedStatement loadAggregate;
    private final PreparedStatement readStream;
    private final PreparedStatement deadLetterCheck;
    private final PreparedStatement updateToken;
    private final PreparedStatement claimKey;
    private final PreparedStatement completeKey;
    private final PreparedStatement upsertView;
    private final PreparedStatement insertPublished;
    private final PreparedStatement findAssociation;
    private final PreparedStatement loadSaga;
    private final PreparedStatement insertSaga;
    private final PreparedStatement insertAssociation;
    private final PreparedStatement updateSaga;
    private final PreparedStatement deleteSaga;
    private final PreparedStatement deleteAssociations;
    private final PreparedStatement debitCore;
    private final PreparedStatement creditCore;
    private final PreparedStatement insertCoreEntry;
    private final PreparedStatement takeQuota;
    private final PreparedStatement insertProcessed;
    private final PreparedStatement scheduleTask;
    private final PreparedStatement cancelTask;
    private final PreparedStatement pickTask;
    private final PreparedStatement beginOperation;
    private final PreparedStatement recordAttempt;
    private final PreparedStatement completeOperation;
    private long lastGlobalIndex;
    private long published;

    TransferReplay(Connection connection, long seed) throws SQLException {
        this.connection = connection;
        this.random = new Random(seed);
        random.nextBytes(payload);
        random.nextBytes(metadata);
        random.nextBytes(token);
        connection.setAutoCommit(false);
        appendEvent = connection.prepareStatement("insert into domainevententry (aggregateidentifier, sequencenumber,"
                + " type, eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"globalindex"});
        eventExists = connection.prepareStatement(
                "select exists (select 1 from domainevententry where eventidentifier = ?)");
        loadSnapshot = connection.prepareStatement("select eventidentifier, aggregateidentifier, sequencenumber,"
                + " timestamp, payloadtype, payloadrevision, payload, metadata, type from snapshotevententry"
                + " where aggregateidentifier = ? order by sequencenumber desc limit 1");
        loadAggregate = connection.prepareStatement("select eventidentifier, aggregateidentifier, sequencenumber,"
                + " timestamp, payloadtype, payloadrevision, payload, metadata, type from domainevententry"
                + " where aggregateidentifier = ? and sequencenumber >= ? order by sequencenumber asc limit 100");
        readStream = connection.prepareStatement("select globalindex, eventidentifier, aggregateidentifier,"
                + " sequencenumber, timestamp, payloadtype, payloadrevision, payload, metadata, type"
                + " from domainevententry where globalindex > ? order by globalindex asc limit 1");
        deadLetterCheck = connection.prepareStatement(
                "select count(*) from deadletterentry where processinggroup = ? and sequenceidentifier = ?");
        updateToken = connection.prepareStatement("update tokenentry set token = ?, tokentype = ?, timestamp = ?"
                + " where processorname = ? and segment = ? and owner = ?");
        claimKey = connection.prepareStatement("insert into idempotency_record (operation, idempotency_key,"
                + " request_hash, resource_id, state) values (?, ?, ?, ?, 'IN_PROGRESS') on conflict do nothing");
        completeKey = connection.prepareStatement("update idempotency_record set state = 'COMPLETED',"
                + " response_status = 202, response_body = ? where operation = ? and idempotency_key = ?");
        upsertView = connection.prepareStatement("insert into view_row (id, status, payload, version)"
                + " values (?, ?, ?, ?) on conflict (id) do update set status = excluded.status,"
                + " payload = excluded.payload, version = excluded.version, updated_at = now()"
                + " where view_row.version < excluded.version");
        insertPublished = connection.prepareStatement(
                "insert into published_event (event_id, subject, sequence) values (?, ?, ?)");
        findAssociation = connection.prepareStatement("select sagaid from associationvalueentry"
                + " where associationkey = ? and associationvalue = ? and sagatype = ?");
        loadSaga = connection.prepareStatement(
                "select serializedsaga, sagatype, revision from sagaentry where sagaid = ?");
        insertSaga = connection.prepareStatement(
                "insert into sagaentry (sagaid, revision, sagatype, serializedsaga) values (?, null, ?, ?)");
        insertAssociation = connection.prepareStatement("insert into associationvalueentry"
                + " (associationkey, associationvalue, sagatype, sagaid) values (?, ?, ?, ?)");
        updateSaga = connection.prepareStatement(
                "update sagaentry set serializedsaga = ?, revision = null where sagaid = ?");
        deleteSaga = connection.prepareStatement("delete from sagaentry where sagaid = ?");
        deleteAssociations = connection.prepareStatement("delete from associationvalueentry where sagaid = ?");
        debitCore = connection.prepareStatement(
                "update core_account set balance = balance - ? where id = ? and balance >= ?");
        creditCore = connection.prepareStatement("update core_account set balance = balance + ? where id = ?");
        insertCoreEntry = connection.prepareStatement(
                "insert into core_entry (account_id, amount, payment_key, text) values (?, ?, ?, ?)");
        takeQuota = connection.prepareStatement("insert into quota_usage (window_start, used) values (?, 1)"
                + " on conflict (window_start) do update set used = quota_usage.used + 1");
        insertProcessed = connection.prepareStatement("insert into processed_event (event_id) values (?)");
        scheduleTask = connection.prepareStatement("insert into scheduled_tasks (task_name, task_instance, task_data,"
                + " execution_time, picked, version) values (?, ?, ?, now() + interval '2 minutes', false, 1)");
        cancelTask = connection.prepareStatement(
                "delete from scheduled_tasks where task_name = ? and task_instance = ?");
        pickTask = connection.prepareStatement("update scheduled_tasks set picked = true, picked_by = ?,"
                + " last_heartbeat = now(), version = version + 1 where task_name = ? and task_instance = ?");
        beginOperation = connection.prepareStatement("insert into core_operation (operation_id, kind, transfer_id,"
                + " status, started_at, attempts) values (?, 'SUBMIT_PAYMENT', ?, 'IN_PROGRESS', now(), 0)");
        recordAttempt = connection.prepareStatement("insert into core_operation_attempt (operation_id, attempt, call,"
                + " started_at, duration_ms, http_status, outcome) values (?, 1, ?, now(), 12, 201, 'SUCCEEDED')");
        completeOperation = connection.prepareStatement("update core_operation set status = 'SUCCEEDED',"
                + " outcome = ?, last_attempt_at = now(), completed_at = now(), attempts = 1 where operation_id = ?");
    }

    /** One transfer's commits; returns how many it made. */
    int transfer() throws SQLException {
        String transferId = UUID.randomUUID().toString();
        int sequence = 0;
        int commits = 0;
        for (Step step : SuiteSqlPattern.STEPS) {
            for (int i = 0; i < step.perTransfer(); i++) {
                switch (step.commit()) {
                    case IDEMPOTENCY_CLAIM -> claim(transferId);
                    case REQUEST_APPEND -> {
                        load(transferId);
                        append(transferId, sequence++, true);
                    }
                    case IDEMPOTENCY_COMPLETE -> complete(transferId);
                    case INBOX_APPEND -> inbox();
                    case HANDLER_COMMAND -> {
                        handlerStart("inbound", transferId);
                        load(transferId);
                        append(transferId, sequence++, true);
                        moveToken("inbound", transferId);
                    }
                    case PROJECTION -> {
                        handlerStart("projection", transferId);
                        view(transferId, i);
                        moveToken("projection", transferId);
                    }
                    case PUBLICATION -> {
                        handlerStart("publisher", transferId);
                        if (i < step.publishedSeq()) {
                            publishedSequence(transferId, i);
                        }
                        moveToken("publisher", transferId);
                    }
                    case SAGA -> saga(transferId, i);
                    case SCHEDULER -> scheduler(transferId, i);
                    case CORE_OPERATION_LOG -> operationLog(transferId, i);
                    case CORE_PAYMENT -> corePayment(transferId);
                    case QUOTA -> quota();
                    case RECONCILIATION -> reconciliation(transferId);
                }
                connection.commit();
                commits++;
            }
        }
        return commits;
    }

    private void claim(String transferId) throws SQLException {
        claimKey.setString(1, "create-transfer");
        claimKey.setString(2, transferId);
        claimKey.setString(3, "0".repeat(64));
        claimKey.setString(4, transferId);
        claimKey.executeUpdate();
    }

    private void complete(String transferId) throws SQLException {
        completeKey.setString(1, "{\"transferId\":\"" + transferId + "\",\"status\":\"REQUESTED\"}");
        completeKey.setString(2, "create-transfer");
        completeKey.setString(3, transferId);
        completeKey.executeUpdate();
    }

    private void inbox() throws SQLException {
        String eventId = UUID.randomUUID().toString();
        eventExists.setString(1, eventId);
        try (ResultSet rows = eventExists.executeQuery()) {
            rows.next();
        }
        append(eventId, 0, false);
    }

    /** Axon's aggregate load: the latest snapshot, then the events after it. */
    private void load(String aggregateId) throws SQLException {
        loadSnapshot.setString(1, aggregateId);
        drain(loadSnapshot);
        loadAggregate.setString(1, aggregateId);
        loadAggregate.setLong(2, 0);
        drain(loadAggregate);
    }

    private void append(String aggregateId, long sequence, boolean domainEvent) throws SQLException {
        appendEvent.setString(1, aggregateId);
        appendEvent.setLong(2, sequence);
        appendEvent.setString(3, domainEvent ? "Transfer" : null);
        appendEvent.setString(4, UUID.randomUUID().toString());
        appendEvent.setBytes(5, metadata);
        appendEvent.setBytes(6, payload);
        appendEvent.setString(7, null);
        appendEvent.setString(8, "transfers.TransferRequested");
        appendEvent.setString(9, Instant.now().toString());
        appendEvent.executeUpdate();
        try (ResultSet keys = appendEvent.getGeneratedKeys()) {
            if (keys.next()) {
                lastGlobalIndex = keys.getLong(1);
            }
        }
    }

    /** A processor reads the next event from the store, then checks its dead-letter sequence. */
    private void handlerStart(String processor, String sequenceId) throws SQLException {
        readStream.setLong(1, lastGlobalIndex - 1);
        drain(readStream);
        deadLetterCheck.setString(1, processor);
        deadLetterCheck.setString(2, sequenceId);
        drain(deadLetterCheck);
    }

    private void moveToken(String processor, String sequenceId) throws SQLException {
        updateToken.setBytes(1, token);
        updateToken.setString(2, "org.axonframework.eventhandling.GlobalSequenceTrackingToken");
        updateToken.setString(3, Instant.now().toString());
        updateToken.setString(4, processor);
        updateToken.setInt(5, Math.floorMod(sequenceId.hashCode(), CeilingSchema.SEGMENTS));
        updateToken.setString(6, "bench@ceiling");
        updateToken.executeUpdate();
    }

    private void view(String transferId, int version) throws SQLException {
        upsertView.setString(1, transferId);
        upsertView.setString(2, "STATUS_" + version);
        upsertView.setString(3, "debtor text, creditor text, amount 1.00 DKK, " + transferId);
        upsertView.setLong(4, version);
        upsertView.executeUpdate();
    }

    private void publishedSequence(String transferId, int sequence) throws SQLException {
        insertPublished.setString(1, UUID.randomUUID().toString());
        insertPublished.setString(2, transferId);
        insertPublished.setLong(3, sequence);
        insertPublished.executeUpdate();
    }

    /**
     * Two sagas per transfer, as transfers-service's {@code TransferSaga} (3 deliveries: started by
     * {@code TransferRequested}, {@code TransferFundsReserved}, ended by {@code TransferBooked}) and the adapter's
     * {@code PaymentSaga} (2: started by {@code PaymentSubmissionStarted}, ended by {@code CorePaymentAccepted}). Each
     * delivery moves the saga's deadline: the start schedules one, a middle delivery cancels and schedules, the end
     * cancels.
     */
    private void saga(String transferId, int delivery) throws SQLException {
        boolean transferSaga = delivery < 3;
        int first = transferSaga ? 0 : 3;
        int last = transferSaga ? 2 : 4;
        String sagaType = transferSaga ? "TransferSaga" : "PaymentSaga";
        String sagaId = sagaType + "-" + transferId;
        handlerStart("saga", transferId);
        findAssociation.setString(1, "transferId");
        findAssociation.setString(2, transferId);
        findAssociation.setString(3, sagaType);
        drain(findAssociation);
        if (delivery == first) {
            insertSaga.setString(1, sagaId);
            insertSaga.setString(2, sagaType);
            insertSaga.setBytes(3, payload);
            insertSaga.executeUpdate();
            for (String key : new String[] {"transferId", "debtorAccountId"}) {
                insertAssociation.setString(1, key);
                insertAssociation.setString(2, transferId);
                insertAssociation.setString(3, sagaType);
                insertAssociation.setString(4, sagaId);
                insertAssociation.executeUpdate();
            }
        } else {
            loadSaga.setString(1, sagaId);
            drain(loadSaga);
            cancelTask.setString(1, sagaType + "-deadline");
            cancelTask.setString(2, sagaId + "-" + (delivery - 1));
            cancelTask.executeUpdate();
            if (delivery == last) {
                deleteAssociations.setString(1, sagaId);
                deleteAssociations.executeUpdate();
                deleteSaga.setString(1, sagaId);
                deleteSaga.executeUpdate();
            } else {
                updateSaga.setBytes(1, payload);
                updateSaga.setString(2, sagaId);
                updateSaga.executeUpdate();
            }
        }
        if (delivery != last) {
            scheduleTask.setString(1, sagaType + "-deadline");
            scheduleTask.setString(2, sagaId + "-" + delivery);
            scheduleTask.setBytes(3, payload);
            scheduleTask.executeUpdate();
        }
        moveToken("saga", transferId);
    }

    /**
     * db-scheduler running the adapter's due work (the payment saga's immediate attempt, the entry sync): the first
     * step schedules a task, the following ones pick and reschedule it, the last completes (deletes) it.
     */
    private void scheduler(String transferId, int pick) throws SQLException {
        String instance = "attempt-" + transferId;
        if (pick == 0) {
            scheduleTask.setString(1, "adapter-attempt");
            scheduleTask.setString(2, instance);
            scheduleTask.setBytes(3, payload);
            scheduleTask.executeUpdate();
        } else if (pick == SuiteSqlPattern.SCHEDULER_STEPS - 1) {
            cancelTask.setString(1, "adapter-attempt");
            cancelTask.setString(2, instance);
            cancelTask.executeUpdate();
        } else {
            pickTask.setString(1, "bench-" + pick);
            pickTask.setString(2, "adapter-attempt");
            pickTask.setString(3, instance);
            pickTask.executeUpdate();
        }
    }

    /** Even steps begin a core call, odd steps record its attempt and outcome. */
    private void operationLog(String transferId, int step) throws SQLException {
        String operationId = "op-" + step / 2 + "-" + transferId;
        if (step % 2 == 0) {
            beginOperation.setString(1, operationId);
            beginOperation.setString(2, transferId);
            beginOperation.executeUpdate();
        } else {
            recordAttempt.setString(1, operationId);
            recordAttempt.setString(2, "POST /core/v1/payments");
            recordAttempt.executeUpdate();
            completeOperation.setString(1, "ACCEPTED");
            completeOperation.setString(2, operationId);
            completeOperation.executeUpdate();
        }
    }

    private void corePayment(String transferId) throws SQLException {
        String debtor = "acc-" + random.nextInt(1000);
        String creditor = "acc-" + random.nextInt(1000);
        // in id order, as a careful ledger does, so that two payments cannot deadlock
        boolean debitFirst = debtor.compareTo(creditor) <= 0;
        for (int pass = 0; pass < 2; pass++) {
            if ((pass == 0) == debitFirst) {
                debitCore.setBigDecimal(1, AMOUNT);
                debitCore.setString(2, debtor);
                debitCore.setBigDecimal(3, AMOUNT);
                debitCore.executeUpdate();
            } else {
                creditCore.setBigDecimal(1, AMOUNT);
                creditCore.setString(2, creditor);
                creditCore.executeUpdate();
            }
        }
        for (String account : new String[] {debtor, creditor}) {
            insertCoreEntry.setString(1, account);
            insertCoreEntry.setBigDecimal(2, AMOUNT);
            insertCoreEntry.setString(3, transferId);
            insertCoreEntry.setString(4, "transfer " + transferId);
            insertCoreEntry.executeUpdate();
        }
    }

    private void quota() throws SQLException {
        takeQuota.setLong(1, System.currentTimeMillis() / 60_000);
        takeQuota.executeUpdate();
    }

    private void reconciliation(String transferId) throws SQLException {
        insertProcessed.setString(1, UUID.randomUUID().toString());
        insertProcessed.executeUpdate();
        view("reconciliation-" + transferId, (int) (published++ % Integer.MAX_VALUE));
    }

    private static void drain(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                rows.getObject(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
