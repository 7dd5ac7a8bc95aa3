package org.banksuite.launcher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands every object of one database to its service's role: what a stack started before one role per service
 * created as the superuser (Flyway's history, Axon's tables, sequences, the proxy's function), so that the role's
 * next migrations may alter them. {@code REASSIGN OWNED BY postgres} cannot do it (PostgreSQL refuses it for the
 * bootstrap superuser, who owns the system catalogs), so each object gets its own {@code ALTER ... OWNER TO}.
 * Sequences owned by a column follow their table; objects of extensions and the system schemas are left alone.
 */
final class ObjectOwnership {

    /** One {@code ALTER ... OWNER TO} per object in a user schema not owned by the role (parameter 1 to 5: it). */
    private static final String STATEMENTS = """
            with target as (select oid from pg_roles where rolname = ?),
            user_schema as (select oid, nspname, nspowner from pg_namespace
                            where nspname not like 'pg\\_%' and nspname <> 'information_schema')
            select 1, format('alter schema %I owner to %I', s.nspname, ?)
              from user_schema s
             where s.nspowner not in ((select oid from target), 'pg_database_owner'::regrole)
            union all
            select 2, format('alter %s %s owner to %I', case t.typtype when 'd' then 'domain' else 'type' end,
                             t.oid::regtype, ?)
              from pg_type t join user_schema s on s.oid = t.typnamespace
             where t.typowner <> (select oid from target)
               and (t.typtype in ('e', 'd', 'r')
                    or (t.typtype = 'c' and (select relkind from pg_class where oid = t.typrelid) = 'c'))
               and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass
                               and d.objid = t.oid and d.deptype = 'e')
            union all
            select 3, format('alter %s %I.%I owner to %I',
                             case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
                                            when 'f' then 'foreign table' when 'S' then 'sequence' else 'table' end,
                             s.nspname, c.relname, ?)
              from pg_class c join user_schema s on s.oid = c.relnamespace
             where c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
               and c.relowner <> (select oid from target)
               and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                               and (d.deptype = 'e' or (c.relkind = 'S' and d.deptype in ('a', 'i'))))
            union all
            select 4, format('alter %s %s owner to %I',
                             case p.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end,
                             p.oid::regprocedure, ?)
              from pg_proc p join user_schema s on s.oid = p.pronamespace
             where p.proowner <> (select oid from target)
               and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
                               and d.objid = p.oid and d.deptype = 'e')
            order by 1
            """;

    private ObjectOwnership() {
    }

    /** Runs the statements in one transaction; none when the role owns everything already. */
    static void handOver(Connection database, String role) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (PreparedStatement query = database.prepareStatement(STATEMENTS)) {
            for (int parameter = 1; parameter <= 5; parameter++) {
                query.setString(parameter, role);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    statements.add(rows.getString(2));
                }
            }
        }
        if (statements.isEmpty()) {
            return;
        }
        database.setAutoCommit(false);
        try (Statement alter = database.createStatement()) {
            for (String statement : statements) {
                alter.execute(statement);
            }
            database.commit();
        } catch (SQLException e) {
            database.rollback();
            throw e;
        } finally {
            database.setAutoCommit(true);
        }
    }
}
