package org.banksuite.bench.reference;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables the ceiling writes, in a schema of their own ({@value #SCHEMA}, dropped and created afresh): copies of the
 * suite's Axon storage (service-kit's {@code V0_1__axon_storage.sql}), its idempotency table, db-scheduler's {@code scheduled_tasks}, the adapter's
 * operation log, and one projection-like, core-like, quota-like and reconciliation-like table each, with the suite's column types and indexes.
 */
final class CeilingSchema {

    static final String SCHEMA = "ceiling";
    static final int SEGMENTS = 16;

    private CeilingSchema() {
    }

    static void recreate(Connection connection, String[] processors) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("drop schema if exists " + SCHEMA + " cascade");
            ddl.execute("create schema " + SCHEMA);
            ddl.execute("set search_path to " + SCHEMA);
            ddl.execute("""
                    create table domainevententry (
                        globalindex bigserial not null primary key, aggregateidentifier varchar(255) not null,
                        sequencenumber bigint not null, type varchar(255), eventidentifier varchar(255) not null,
                        metadata bytea, payload bytea not null, payloadrevision varchar(255),
                        payloadtype varchar(255) not null, timestamp varchar(255) not null,
                        constraint domainevententry_aggregate_sequence_uk unique (aggregateidentifier, sequencenumber),
                        constraint domainevententry_eventidentifier_uk unique (eventidentifier))""");
            ddl.execute("""
                    create table snapshotevententry (
                        aggregateidentifier varchar(255) not null, sequencenumber bigint not null,
                        type varchar(255) not null, eventidentifier varchar(255) not null, metadata bytea,
                        payload bytea not null, payloadrevision varchar(255), payloadtype varchar(255) not null,
                        timestamp varchar(255) not null, primary key (aggregateidentifier, sequencenumber))""");
            ddl.execute("""
                    create table tokenentry (
                        processorname varchar(255) not null, segment integer not null, token bytea,
                        tokentype varchar(255), timestamp varchar(255), owner varchar(255),
                        primary key (processorname, segment))""");
            ddl.execute("""
                    create table sagaentry (
                        sagaid varchar(255) not null primary key, revision varchar(255), sagatype varchar(255),
                        serializedsaga bytea)""");
            ddl.execute("""
                    create table associationvalueentry (
                        id bigserial not null primary key, associationkey varchar(255) not null,
                        associationvalue varchar(255), sagatype varchar(255), sagaid varchar(255) not null)""");
            ddl.execute("create index associationvalueentry_saga_idx on associationvalueentry (sagaid, sagatype)");
            ddl.execute("create index associationvalueentry_value_idx on associationvalueentry"
                    + " (associationkey, associationvalue, sagatype)");
            ddl.execute("""
                    create table deadletterentry (
                        deadletteridentifier varchar(255) not null primary key, processinggroup varchar(255) not null,
                        sequenceidentifier varchar(255) not null, sequenceindex bigint not null,
                        payload bytea not null)""");
            ddl.execute("create index deadletterentry_sequence_idx on deadletterentry (processinggroup, sequenceidentifier)");
            ddl.execute("""
                    create table idempotency_record (
                        operation varchar(64) not null, idempotency_key varchar(200) not null,
                        request_hash char(64) not null, resource_id varchar(64) not null, state varchar(16) not null,
                        response_status integer, response_body text, created_at timestamptz not null default now(),
                        claimed_at timestamptz not null default now(), primary key (operation, idempotency_key))""");
            ddl.execute("""
                    create table view_row (
                        id varchar(64) not null primary key, status varchar(32) not null, payload text not null,
                        version bigint not null, updated_at timestamptz not null default now())""");
            ddl.execute("""
                    create table published_event (
                        event_id varchar(255) not null primary key, subject varchar(255) not null,
                        sequence bigint not null, constraint published_event_subject_sequence_uk unique (subject, sequence))""");
            ddl.execute("create table core_account (id varchar(64) primary key, balance numeric(19, 2) not null)");
            ddl.execute("""
                    create table core_entry (
                        id bigserial primary key, account_id varchar(64) not null, amount numeric(19, 2) not null,
                        payment_key varchar(64) not null, text varchar(140), booked_at timestamptz not null default now())""");
            ddl.execute("create index core_entry_account_idx on core_entry (account_id, id)");
            ddl.execute("""
                    create table scheduled_tasks (
                        task_name text not null, task_instance text not null, task_data bytea,
                        execution_time timestamp with time zone not null, picked boolean not null, picked_by text,
                        last_success timestamp with time zone, last_failure timestamp with time zone,
                        consecutive_failures int, last_heartbeat timestamp with time zone, version bigint not null,
                        priority smallint, primary key (task_name, task_instance))""");
            ddl.execute("create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time)");
            ddl.execute("create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat)");
            ddl.execute("create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks"
                    + " (priority desc, execution_time asc)");
            ddl.execute("""
                    create table core_operation (
                        operation_id varchar(64) not null primary key, list_position bigserial not null unique,
                        kind varchar(32) not null, account_id varchar(64), transfer_id varchar(64),
                        status varchar(16) not null, outcome text, started_at timestamptz not null,
                        last_attempt_at timestamptz, completed_at timestamptz, attempts integer not null)""");
            ddl.execute("create index core_operation_transfer_idx on core_operation (transfer_id, list_position)");
            ddl.execute("""
                    create table core_operation_attempt (
                        operation_id varchar(64) not null references core_operation (operation_id),
                        attempt integer not null, call text not null, started_at timestamptz not null,
                        duration_ms bigint not null, http_status integer, failure text, outcome varchar(16) not null,
                        primary key (operation_id, attempt))""");
            ddl.execute("create table quota_usage (window_start bigint primary key, used integer not null)");
            ddl.execute("create table processed_event (event_id varchar(255) primary key, processed_at timestamptz not null default now())");
            ddl.execute("insert into core_account select 'acc-' || i, 1000000000 from generate_series(0, 999) i");
            for (String processor : processors) {
                ddl.execute("insert into tokenentry (processorname, segment, token, tokentype, timestamp, owner)"
                        + " select '" + processor + "', s, null, null, now()::text, 'bench@ceiling'"
                        + " from generate_series(0, " + (SEGMENTS - 1) + ") s");
            }
        }
    }
}
