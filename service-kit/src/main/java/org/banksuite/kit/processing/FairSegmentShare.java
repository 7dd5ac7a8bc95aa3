package org.banksuite.kit.processing;

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
 * each processor's segments (its rows in {@code tokenentry}) divided by the instances running now, rounded up. Axon's
 * coordinator asks on every cycle and releases what is over the limit, which the other instances then claim; a pooled
 * processor otherwise keeps every segment it claimed first, so a second replica gets none.
 * <p>
 * The running instances are counted in PostgreSQL, which they share: the distinct {@code application_name}s of this
 * database's connections that are the service's name or that name with {@code -<n>} (the local stack names each
 * replica's connections so: {@code ?ApplicationName=accounts-service-2}). A replica that dies loses its connections at
 * once, so the survivors may claim everything again; one that starts shows up with its pool. Where no connection is so
 * named (tests, a deployment that does not name them) the limit stays Axon's default: no limit. Both figures are read
 * at most once per {@code refresh}; a failed read keeps the last figures.
 */
public class FairSegmentShare implements MaxSegmentProvider {

    /** Axon's own default for {@code maxClaimedSegments}. */
    static final int UNLIMITED = Short.MAX_VALUE;
    private static final Logger log = LoggerFactory.getLogger(FairSegmentShare.class);

    private final JdbcTemplate jdbc;
    private final String service;
    private final long refreshNanos;
    private final Map<String, Integer> segments = new ConcurrentHashMap<>();
    private volatile int instances = 1;
    private volatile long readAt = Long.MIN_VALUE;

    /**
     * @param dataSource the service's database, which holds {@code tokenentry}
     * @param service    the service's name ({@code spring.application.name}), its replicas' connections' name
     * @param refresh    how long a count is used before it is read again
     */
    public FairSegmentShare(DataSource dataSource, String service, Duration refresh) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.service = service;
        this.refreshNanos = refresh.toNanos();
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
            Integer running = jdbc.queryForObject("""
                    select count(distinct application_name) from pg_stat_activity
                    where datname = current_database() and (application_name = ?
                        or (left(application_name, ?) = ? and substr(application_name, ?) ~ '^[0-9]+$'))""",
                    Integer.class, service, service.length() + 1, service + "-", service.length() + 2);
            jdbc.query("select processorname, count(*) from tokenentry group by processorname",
                    row -> {
                        segments.put(row.getString(1), row.getInt(2));
                    }); // a processor's segments only change when support splits or merges them
            instances = running == null ? 1 : Math.max(1, running);
        } catch (RuntimeException e) {
            log.debug("Cannot count the running instances now, keeping {}: {}", instances, e.toString());
        }
    }
}
