package org.banksuite.kit.processing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many segments of a pooled processor this instance may claim, so that replicas of a service share the work:
 * each processor's segments (its rows in {@code tokenentry}) divided by the instances running, rounded up. Axon's
 * coordinator asks on every cycle and releases what is over the limit, which the other instances then claim; a pooled
 * processor otherwise keeps every segment it claimed first, so a second replica gets none.
 * <p>
 * The running instances are counted in PostgreSQL, which they share: once its processors run, an instance
 * {@linkplain #announce() announces} itself with a session advisory lock held on a connection of its own (key: the
 * service's name and that connection's backend pid), and counts the service's advisory locks in {@code pg_locks}.
 * An instance that dies loses its connection, hence its lock, at once, so the survivors may claim everything again
 * (once its claims time out); one that is still starting does not count yet, so nobody releases segments it could not
 * take. An instance whose session was lost (PostgreSQL restarted) announces itself again at its next count. An instance that has not announced itself counts itself all the same. Both figures are read at most once per
 * {@code refresh}; a failed read keeps the last figures.
 */
public class FairSegmentShare implements MaxSegmentProvider, AutoCloseable {

    /** Axon's own default for {@code maxClaimedSegments}. */
    static final int UNLIMITED = Short.MAX_VALUE;
    private static final Logger log = LoggerFactory.getLogger(FairSegmentShare.class);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final int serviceKey;
    private final long refreshNanos;
    private final Map<String, Integer> segments = new ConcurrentHashMap<>();
    private volatile int instances = 1;
    private volatile long readAt = Long.MIN_VALUE;
    private Connection presence;

    /**
     * @param dataSource the service's database, which holds {@code tokenentry}
     * @param service    the service's name ({@code spring.application.name}): its replicas count each other by it
     * @param refresh    how long a count is used before it is read again
     */
    public FairSegmentShare(DataSource dataSource, String service, Duration refresh) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.serviceKey = service.hashCode();
        this.refreshNanos = refresh.toNanos();
    }

    /**
     * Makes this instance count for the others, until {@link #close()} or its death: call it once its processors
     * run.
     *
     * @throws IllegalStateException if the database does not answer
     */
    public synchronized void announce() {
        if (presence != null) {
            return;
        }
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?, pg_backend_pid())")) {
                lock.setInt(1, serviceKey);
                lock.execute();
            }
            presence = connection;
            readAt = Long.MIN_VALUE;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot announce this instance to its replicas", e);
        }
    }

    /** This instance no longer counts (its processors are stopping). */
    @Override
    public synchronized void close() {
        if (presence != null) {
            try {
                presence.close();
            } catch (SQLException ignored) {
                // the lock goes with the session
            }
            presence = null;
        }
    }

    /**
     * A restart of PostgreSQL (or a dropped connection) ends the session that held this instance's lock: without a new
     * one every replica would count only itself and claim all segments. Called with the monitor held.
     */
    private void announceAgainIfTheSessionWasLost() {
        if (presence == null) {
            return;
        }
        boolean valid;
        try {
            valid = presence.isValid(2);
        } catch (SQLException e) {
            valid = false;
        }
        if (!valid) {
            close();
            announce();
        }
    }

    /** @return this instance's share of the processor's segments, or {@value #UNLIMITED} when it runs alone */
    @Override
    public int getMaxSegments(String processorName) {
        refreshIfDue();
        int total = segments.getOrDefault(processorName, 0);
        if (instances <= 1 || total == 0) {
            return UNLIMITED;
        }
        return (total + instances - 1) / instances;
    }

    private void refreshIfDue() {
        long now = System.nanoTime();
        if (readAt != Long.MIN_VALUE && now - readAt < refreshNanos) {
            return;
        }
        readAt = now;
        try {
            Integer announced = jdbc.queryForObject("""
                    select count(*) from pg_locks
                    where locktype = 'advisory' and objsubid = 2 and granted and classid = (?::int4)::oid
                      and database = (select oid from pg_database where datname = current_database())""",
                    Integer.class, serviceKey);
            // a processor's segments only change when support splits or merges them
            jdbc.query("select processorname, count(*) from tokenentry group by processorname",
                    row -> {
                        segments.put(row.getString(1), row.getInt(2));
                    });
            boolean counted;
            synchronized (this) {
                announceAgainIfTheSessionWasLost();
                counted = presence != null;
            }
            instances = Math.max(1, (announced == null ? 0 : announced) + (counted ? 0 : 1));
        } catch (RuntimeException e) {
            log.debug("Cannot count the running instances now, keeping {}: {}", instances, e.toString());
        }
    }
}
