package org.banksuite.simulator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * In front of {@code /core/**}: the quota first (429 + Retry-After beyond it), then the injected faults in this order:
 * latency, error (500 before doing anything), reset (connection closed before doing anything) and drop after booking
 * (the work is done and committed, then the connection is closed instead of answering). Faults confined to one
 * account meet only the requests about it ({@link FaultScope}); the others pass as without faults.
 */
class CoreGateFilter extends OncePerRequestFilter {

    private final Quota quota;
    private final Faults faults;
    private final MeterRegistry meters;

    CoreGateFilter(Quota quota, Faults faults, MeterRegistry meters) {
        this.quota = quota;
        this.faults = faults;
        this.meters = meters;
    }

    /** {@code simulator_core_requests_total{outcome}}: passed, quota_exceeded, fault_error, fault_reset, fault_drop. */
    private void count(String outcome) {
        meters.counter("simulator.core.requests", "outcome", outcome).increment();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Quota.Decision decision = quota.acquire();
        if (!decision.allowed()) {
            count("quota_exceeded");
            response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
            problem(response, 429, SimulatorProblem.QUOTA_EXCEEDED, "Quota exceeded",
                    "the core's request quota for this window is used up; retry after " + decision.retryAfterSeconds() + " s");
            return;
        }
        Faults.Settings settings = faults.current();
        if (settings.account() != null) {
            FaultScope.Request scoped = FaultScope.of(request);
            request = scoped.servletRequest();
            if (!settings.meet(scoped)) {
                count("passed");
                chain.doFilter(request, response);
                return;
            }
        }
        if (settings.latencyMillis() > 0) {
            try {
                Thread.sleep(settings.latencyMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServletException("interrupted during injected latency", e);
            }
        }
        if (Faults.roll(settings.errorRate())) {
            count("fault_error");
            problem(response, 500, SimulatorProblem.INJECTED_FAULT, "Injected fault",
                    "the simulator answered 500 as its fault injection asked");
            return;
        }
        if (Faults.roll(settings.resetRate())) {
            count("fault_reset");
            ConnectionDropValve.requestDrop(request);
            return;
        }
        if (Faults.roll(settings.dropResponseAfterBookingRate())) {
            count("fault_drop");
            // the answer stays in this buffer and is never sent: the work is done and committed all the same
            ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, held);
            ConnectionDropValve.requestDrop(request);
            return;
        }
        count("passed");
        chain.doFilter(request, response);
    }

    private static void problem(HttpServletResponse response, int status, URI type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
