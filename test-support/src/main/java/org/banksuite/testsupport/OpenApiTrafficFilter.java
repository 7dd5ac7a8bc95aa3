package org.banksuite.testsupport;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A servlet filter for test contexts that hands every exchange of the service under test to {@link OpenApiTraffic};
 * register it with {@link OpenApiTrafficConfiguration}. Actuator paths are left alone (no spec describes them).
 */
public class OpenApiTrafficFilter extends OncePerRequestFilter {

    private static final int LARGEST_BODY = 1 << 20;

    private final OpenApiTraffic traffic;

    public OpenApiTrafficFilter(OpenApiTraffic traffic) {
        this.traffic = traffic;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingRequestWrapper cachingRequest = new ContentCachingRequestWrapper(request, LARGEST_BODY);
        ContentCachingResponseWrapper cachingResponse = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(cachingRequest, cachingResponse);
        } finally {
            traffic.check(request(cachingRequest), response(cachingResponse));
            cachingResponse.copyBodyToResponse();
        }
    }

    private static Request request(ContentCachingRequestWrapper request) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.getMethod(), request.getRequestURI());
        for (String name : Collections.list(request.getHeaderNames())) {
            builder.withHeader(name, Collections.list(request.getHeaders(name)));
        }
        request.getParameterMap().forEach((name, values) -> {
            if (request.getQueryString() != null && request.getQueryString().contains(name + "=")) {
                builder.withQueryParam(name, List.of(values));
            }
        });
        byte[] body = request.getContentAsByteArray();
        if (body.length > 0) {
            builder.withBody(new String(body, StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    private static SimpleResponse response(ContentCachingResponseWrapper response) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.getStatus());
        if (response.getContentType() != null) {
            builder.withContentType(response.getContentType());
        }
        for (String name : response.getHeaderNames()) {
            builder.withHeader(name, List.copyOf(response.getHeaders(name)));
        }
        byte[] body = response.getContentAsByteArray();
        if (body.length > 0) {
            builder.withBody(new String(body, StandardCharsets.UTF_8));
        }
        return builder.build();
    }
}
