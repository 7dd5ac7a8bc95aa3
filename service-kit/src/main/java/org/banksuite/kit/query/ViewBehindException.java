package org.banksuite.kit.query;

/**
 * The view has not reached the version a read asked for ({@code minVersion}) within the wait bound: the request is
 * right, only the service is behind, so it answers {@code 503 view-behind} with {@code Retry-After} (issue 15).
 * {@code viewVersion} is the version the view has, or null when it has not got the entity yet.
 */
public class ViewBehindException extends RuntimeException {

    private final long minVersion;
    private final Long viewVersion;

    public ViewBehindException(long minVersion, Long viewVersion) {
        super("The view has " + (viewVersion == null ? "not got the entity yet" : "version " + viewVersion)
                + ", the read asked for version " + minVersion + " or later; retry after Retry-After");
        this.minVersion = minVersion;
        this.viewVersion = viewVersion;
    }

    public long minVersion() {
        return minVersion;
    }

    public Long viewVersion() {
        return viewVersion;
    }
}
