package org.banksuite.proxy.quota;

import org.banksuite.proxy.quota.domain.Lane;
import org.banksuite.proxy.quota.domain.QuotaWindow;
import org.banksuite.proxy.quota.domain.QuotaLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The core's quota, counted in PostgreSQL so that all proxy replicas together stay under it. A request is counted
 * in every window (limited or not, so that a limit switched on at runtime starts from the true count) by the
 * database function {@code take_quota}: conditional upserts ({@code used < usable}) in one atomic statement, from
 * every window or from none. Row locks serialise replicas, and PostgreSQL re-checks the condition on the newest
 * row version, so the count can never pass the limit.
 * <p>
 * Around each window boundary lies a guard: a request is not sent in the last or first {@code boundaryGuard} of a
 * window, so that transit time and clock skew cannot make the core count it in the other window.
 */
@Component
public class SharedQuota {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration boundaryGuard;

    SharedQuota(JdbcClient jdbc, Clock clock, QuotaProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.boundaryGuard = properties.boundaryGuard();
    }

    /**
     * Takes one request for the lane from every window, or says when to try again: one call of the database
     * function {@code take_quota} (V2), a single atomic statement, so the quota costs one round trip per request.
     */
    public Grant tryAcquire(Lane lane) {
        Instant now = clock.instant();
        QuotaWindow minute = QuotaWindow.MINUTE;
        QuotaWindow hour = QuotaWindow.HOUR;
        return jdbc.sql("""
                        select * from take_quota(:batch, :now, :minuteStart, :minuteReleased, :minuteGuarded,
                                                 :hourStart, :hourReleased, :hourGuarded)
                        """)
                .param("batch", lane == Lane.BATCH)
                .param("now", utc(now))
                .param("minuteStart", utc(minute.startOf(now)))
                .param("minuteReleased", released(minute, now))
                .param("minuteGuarded", guardEnd(minute, now) != null)
                .param("hourStart", utc(hour.startOf(now)))
                .param("hourReleased", released(hour, now))
                .param("hourGuarded", guardEnd(hour, now) != null)
                .query((row, n) -> {
                    String refused = row.getString("refused");
                    if (refused == null) {
                        return Grant.now();
                    }
                    return switch (refused) {
                        case "PAUSED" -> Grant.notBefore(row.getObject("paused_until", OffsetDateTime.class).toInstant());
                        case "GUARD" -> Grant.notBefore(latestGuardEnd(now));
                        default -> {
                            QuotaWindow window = QuotaWindow.valueOf(refused);
                            boolean reserveKept = lane == Lane.BATCH && !released(window, now)
                                    && row.getDouble("interactive_reserve") > 0;
                            Instant retryAt = reserveKept ? window.reserveReleaseOf(now) : window.endOf(now);
                            yield Grant.notBefore(retryAt.plus(boundaryGuard));
                        }
                    };
                })
                .single();
    }

    private static boolean released(QuotaWindow window, Instant now) {
        return !now.isBefore(window.reserveReleaseOf(now));
    }

    private Instant latestGuardEnd(Instant now) {
        Instant minute = guardEnd(QuotaWindow.MINUTE, now);
        Instant hour = guardEnd(QuotaWindow.HOUR, now);
        return hour != null && (minute == null || hour.isAfter(minute)) ? hour : minute;
    }

    /** The end of the window's boundary guard {@code now} is in, or null when it is in none. */
    private Instant guardEnd(QuotaWindow window, Instant now) {
        Instant start = window.startOf(now);
        if (now.isBefore(start.plus(boundaryGuard))) {
            return start.plus(boundaryGuard);
        }
        Instant end = window.endOf(now);
        if (!now.isBefore(end.minus(boundaryGuard))) {
            return end.plus(boundaryGuard);
        }
        return null;
    }

    /** The core answered 429: no replica sends anything before {@code until}. */
    public void pauseCoreUntil(Instant until) {
        jdbc.sql("""
                        update quota_limits set core_paused_until = :until
                        where core_paused_until is null or core_paused_until < :until
                        """)
                .param("until", utc(until))
                .update();
    }

    public QuotaLimits limits() {
        return settings().limits();
    }

    public QuotaLimits changeLimits(QuotaLimits limits) {
        jdbc.sql("""
                        update quota_limits set per_minute = :perMinute, per_hour = :perHour,
                               interactive_reserve = :reserve, updated_at = :now
                        """)
                .param("perMinute", limits.perMinute())
                .param("perHour", limits.perHour())
                .param("reserve", limits.interactiveReserve())
                .param("now", utc(clock.instant()))
                .update();
        return limits;
    }

    /** Puts the configured limits in force unless the database already holds limits (set at runtime, or earlier). */
    void seed(QuotaLimits limits) {
        jdbc.sql("""
                        insert into quota_limits (id, per_minute, per_hour, interactive_reserve, updated_at)
                        values (1, :perMinute, :perHour, :reserve, :now) on conflict (id) do nothing
                        """)
                .param("perMinute", limits.perMinute())
                .param("perHour", limits.perHour())
                .param("reserve", limits.interactiveReserve())
                .param("now", utc(clock.instant()))
                .update();
    }

    /** Each limited window's use, as all replicas together see it now. */
    public QuotaUsage usage() {
        Instant now = clock.instant();
        Settings settings = settings();
        List<QuotaUsage.WindowUsage> windows = new ArrayList<>();
        settings.limits().limited().forEach((window, limit) -> windows.add(new QuotaUsage.WindowUsage(window, limit,
                used(window, now), window.endOf(now))));
        Instant paused = settings.corePausedUntil() != null && now.isBefore(settings.corePausedUntil())
                ? settings.corePausedUntil() : null;
        return new QuotaUsage(settings.limits(), windows, paused);
    }

    private long used(QuotaWindow window, Instant now) {
        return jdbc.sql("select used from quota_usage where window_kind = :kind and window_start = :start")
                .param("kind", window.name())
                .param("start", utc(window.startOf(now)))
                .query(Long.class).optional().orElse(0L);
    }

    /** Forgets windows older than a day. */
    public int forgetOldWindows() {
        return jdbc.sql("delete from quota_usage where window_start < :before")
                .param("before", utc(clock.instant().minus(Duration.ofDays(1))))
                .update();
    }

    private Settings settings() {
        return jdbc.sql("select per_minute, per_hour, interactive_reserve, core_paused_until from quota_limits where id = 1")
                .query((row, n) -> new Settings(
                        new QuotaLimits(row.getObject("per_minute", Long.class), row.getObject("per_hour", Long.class),
                                row.getDouble("interactive_reserve")),
                        instant(row.getObject("core_paused_until", OffsetDateTime.class))))
                .single();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private record Settings(QuotaLimits limits, Instant corePausedUntil) {
    }
}
