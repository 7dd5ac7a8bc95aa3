package org.banksuite.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

import org.banksuite.infra.EmbeddedPostgresServer;
import org.postgresql.PGConnection;

/**
 * One login role per service, with rights on its own database only: the role owns its database and every object in
 * it, and no database accepts connections from {@code PUBLIC} (so a role connecting to another service's database
 * gets {@code FATAL: permission denied for database}). Idempotent: run on every start, it creates what is missing,
 * hands a database (and what older runs created in it as the superuser) to its role, resets a role's password only
 * if the kept one no longer works, and otherwise changes nothing; data stays.
 */
final class ServiceDatabases {

    /** The databases every cluster has; the services' roles may connect to none of them. */
    static final List<String> CLUSTER_DATABASES = List.of("postgres", "template1");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String INVALID_PASSWORD = "28P01";

    private final EmbeddedPostgresServer postgres;

    ServiceDatabases(EmbeddedPostgresServer postgres) {
        this.postgres = postgres;
    }

    /** {@code REVOKE CONNECT ... FROM PUBLIC} on the cluster's own databases ({@link #CLUSTER_DATABASES}). */
    void closeClusterDatabases() {
        try (Connection superuser = superuser("postgres"); Statement statement = superuser.createStatement()) {
            for (String database : CLUSTER_DATABASES) {
                statement.execute("revoke connect on database " + database + " from public");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot revoke PUBLIC's access to the cluster's databases", e);
        }
    }

    /**
     * Makes {@code role} a login role (no superuser, no CREATEDB/CREATEROLE, no replication) with this password,
     * owner of {@code database} (created if missing) and of every object in it, the only role besides superusers
     * that may connect to it.
     *
     * @throws IllegalArgumentException if a name is not a lowercase SQL identifier
     * @throws IllegalStateException    if PostgreSQL refuses a step
     */
    void prepare(String database, String role, String password) {
        requireIdentifier(database);
        requireIdentifier(role);
        try (Connection superuser = superuser("postgres")) {
            boolean created = ensureRole(superuser, role, password);
            ensureOwnedDatabase(superuser, database, role);
            try (Statement statement = superuser.createStatement()) {
                statement.execute("revoke connect, temporary on database " + database + " from public");
            }
            try (Connection inDatabase = superuser(database)) {
                ObjectOwnership.handOver(inDatabase, role);
            }
            if (!created && !canLogIn(database, role, password)) {
                setPassword(superuser, role, password);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare database " + database + " for role " + role, e);
        }
    }

    private static boolean ensureRole(Connection superuser, String role, String password) throws SQLException {
        String attributes = " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit";
        try (Statement statement = superuser.createStatement()) {
            if (exists(superuser, "select 1 from pg_roles where rolname = ?", role)) {
                statement.execute("alter role " + role + " with" + attributes);
                return false;
            }
            statement.execute("create role " + role + " with" + attributes);
            setPassword(superuser, role, password);
            return true;
        }
    }

    /** The driver computes the SCRAM verifier, so the password itself never reaches the server (nor its logs). */
    private static void setPassword(Connection superuser, String role, String password) throws SQLException {
        superuser.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
    }

    private static void ensureOwnedDatabase(Connection superuser, String database, String role) throws SQLException {
        try (Statement statement = superuser.createStatement()) {
            if (!exists(superuser, "select 1 from pg_database where datname = ?", database)) {
                statement.execute("create database " + database + " owner " + role);
            } else if (!exists(superuser, "select 1 from pg_database d join pg_roles r on r.oid = d.datdba"
                    + " where d.datname = ? and r.rolname = '" + role + "'", database)) {
                statement.execute("alter database " + database + " owner to " + role);
            }
        }
    }

    private boolean canLogIn(String database, String role, String password) throws SQLException {
        try (Connection ignored = DriverManager.getConnection(postgres.jdbcUrl(database), role, password)) {
            return true;
        } catch (SQLException refused) {
            if (INVALID_PASSWORD.equals(refused.getSQLState())) {
                return false;
            }
            throw refused;
        }
    }

    private static boolean exists(Connection connection, String query, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lowercase SQL identifier: " + name);
        }
    }
}
