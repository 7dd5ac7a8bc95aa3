package org.banksuite.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.banksuite.infra.Directories;
import org.banksuite.infra.EmbeddedPostgresServer;
import org.banksuite.infra.EmbeddedPostgresSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The launcher's database set-up on a real PostgreSQL that requires passwords, as {@code ./suite up} runs it. */
class ServiceDatabasesTest {

    private static Path stateDirectory;
    private static GeneratedPasswords passwords;
    private static EmbeddedPostgresServer postgres;
    private static ServiceDatabases databases;

    @BeforeAll
    static void startPostgres() {
        stateDirectory = Directories.createTemp("service-databases-");
        passwords = new GeneratedPasswords(stateDirectory.resolve("postgres"));
        postgres = new EmbeddedPostgresServer(new EmbeddedPostgresSettings(0, stateDirectory.resolve("data"), null,
                false, null).withSuperuserPassword(passwords.of("postgres"))).start();
        databases = new ServiceDatabases(postgres);
        databases.closeClusterDatabases();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
        Directories.deleteQuietly(stateDirectory);
    }

    @Test
    void letsAServiceRoleWorkInItsOwnDatabase() throws SQLException {
        prepare("accounts");

        execute("accounts", "accounts_service", "create table account (id bigserial primary key, name text);"
                + " insert into account (name) values ('alice')");

        assertThat(queryOne("accounts", "accounts_service", "select name from account")).isEqualTo("alice");
        assertThat(queryOne("accounts", "accounts_service", "select rolsuper or rolcreatedb or rolcreaterole"
                + " or rolreplication or rolbypassrls from pg_roles where rolname = current_user")).isEqualTo("f");
    }

    @Test
    void refusesAServiceRoleAnotherServicesDatabase() {
        prepare("accounts");
        prepare("transfers");

        assertThatThrownBy(() -> queryOne("transfers", "accounts_service", "select 1"))
                .isInstanceOf(SQLException.class).hasMessageContaining("FATAL").hasMessageContaining("permission denied for database");
        assertThatThrownBy(() -> queryOne("postgres", "accounts_service", "select 1"))
                .hasMessageContaining("permission denied for database");
        assertThatThrownBy(() -> queryOne("template1", "transfers_service", "select 1"))
                .hasMessageContaining("permission denied for database");
    }

    @Test
    void refusesAServiceRoleWithoutItsPassword() {
        prepare("simulator");

        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl("simulator"), "simulator_service", "postgres"))
                .hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl("simulator") + "?user=simulator_service"))
                .hasMessageContaining("no password was provided");
    }

    @Test
    void changesNothingWhenRunAgainAndKeepsTheData() throws SQLException {
        prepare("reconciliation");
        execute("reconciliation", "reconciliation_service", "create table mismatch (id bigserial primary key, note text);"
                + " insert into mismatch (note) values ('open')");
        List<String> before = clusterState();

        prepare("reconciliation");
        databases.closeClusterDatabases();

        assertThat(clusterState()).isEqualTo(before);
        assertThat(queryOne("reconciliation", "reconciliation_service", "select note from mismatch")).isEqualTo("open");
    }

    @Test
    void handsWhatAnOlderStackCreatedAsTheSuperuserToTheServiceRole() throws SQLException {
        postgres.createDatabaseIfMissing("adapter"); // as ./suite up did before one role per service
        try (Connection superuser = DriverManager.getConnection(postgres.jdbcUrl("adapter"), postgres.username(), postgres.password());
             Statement statement = superuser.createStatement()) {
            statement.execute("create table operation (id bigserial primary key, kind text);"
                    + " insert into operation (kind) values ('open-account');"
                    + " create sequence standalone_seq;"
                    + " create view open_operation as select * from operation;"
                    + " create type state as enum ('open', 'done');"
                    + " create function kinds() returns bigint language sql as 'select count(*) from operation'");
        }

        prepare("adapter");

        execute("adapter", "adapter_service", "alter table operation add column state state;"
                + " insert into operation (kind, state) values ('close-account', 'open');"
                + " select nextval('standalone_seq'); create or replace view open_operation as select * from operation;"
                + " create or replace function kinds() returns bigint language sql as 'select count(*) from operation'");
        assertThat(queryOne("adapter", "adapter_service", "select kinds()")).isEqualTo("2");
        assertThat(queryOne("adapter", "adapter_service", "select count(*) from pg_class c join pg_namespace n"
                + " on n.oid = c.relnamespace where n.nspname = 'public' and c.relowner <> 'adapter_service'::regrole"))
                .isEqualTo("0");
    }

    @Test
    void setsTheKeptPasswordAgainWhenTheRoleNoLongerHasIt() throws SQLException {
        prepare("proxy");
        try (Connection superuser = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
             Statement statement = superuser.createStatement()) {
            statement.execute("alter role proxy_service password 'changed-elsewhere'");
        }

        prepare("proxy");

        assertThat(queryOne("proxy", "proxy_service", "select current_user")).isEqualTo("proxy_service");
    }

    @Test
    void runsEveryServicesMigrationsAsItsOwnRole() throws Exception {
        for (ServiceDefinition service : Services.ALL.stream().filter(ServiceDefinition::hasDatabase).toList()) {
            String database = service.database() + "_migrated"; // beside the other tests' databases
            databases.prepare(database, service.database() + "_migrator", passwords.of(service.database() + "_migrator"));

            for (Path migration : migrationsOf(service.module())) {
                execute(database, service.database() + "_migrator", Files.readString(migration));
            }
        }
    }

    private static void prepare(String database) {
        databases.prepare(database, database + "_service", passwords.of(database + "_service"));
    }

    /** What the set-up decides: roles and their attributes and password verifiers, databases, owners and ACLs. */
    private static List<String> clusterState() throws SQLException {
        List<String> state = new ArrayList<>();
        try (Connection superuser = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
             Statement statement = superuser.createStatement();
             ResultSet rows = statement.executeQuery("""
                     select format('role %s %s %s %s %s', rolname, rolsuper, rolcanlogin, rolinherit, rolpassword)
                       from pg_authid
                     union all
                     select format('database %s %s %s', datname, datdba::regrole, datacl) from pg_database
                     order by 1""")) {
            while (rows.next()) {
                state.add(rows.getString(1));
            }
        }
        return state;
    }

    /** Flyway's order: the service kit's migrations (where the service reads them), then the module's, by version. */
    private static List<Path> migrationsOf(String module) throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> migrations = new ArrayList<>();
        if (Files.readString(root.resolve(module).resolve("src/main/resources/application.yml")).contains("db/kit")) {
            migrations.addAll(sqlFiles(root.resolve("service-kit/src/main/resources/db/kit")));
        }
        migrations.addAll(sqlFiles(root.resolve(module).resolve("src/main/resources/db/migration")));
        assertThat(migrations).as(module + "'s migrations").isNotEmpty();
        return migrations;
    }

    private static List<Path> sqlFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".sql"))
                    .sorted(Comparator.comparing(ServiceDatabasesTest::version, ServiceDatabasesTest::compareVersions))
                    .toList();
        }
    }

    private static int[] version(Path migration) {
        String name = migration.getFileName().toString();
        return Arrays.stream(name.substring(1, name.indexOf("__")).split("[._]")).mapToInt(Integer::parseInt).toArray();
    }

    private static int compareVersions(int[] left, int[] right) {
        return Arrays.compare(left, right);
    }

    private static void execute(String database, String role, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), role, passwords.of(role));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String queryOne(String database, String role, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), role, passwords.of(role));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
