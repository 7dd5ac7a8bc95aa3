package org.banksuite.endtoend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * An OTLP/HTTP receiver for traces, as a collector or Jaeger would be: it keeps every export request's protobuf body.
 * The services export to it (`management.opentelemetry.tracing.export.otlp.endpoint`); the tests ask which services
 * exported spans of a trace. An export request carries one service's spans, under its {@code service.name}.
 */
final class OtlpSink implements AutoCloseable {

    private final HttpServer server;
    private final List<byte[]> exports = new CopyOnWriteArrayList<>();

    private OtlpSink(HttpServer server) {
        this.server = server;
    }

    static OtlpSink start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OtlpSink sink = new OtlpSink(server);
            server.createContext("/v1/traces", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    sink.exports.add(body.readAllBytes());
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the services send their spans. */
    String tracesEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    /**
     * The services (of {@code candidates}, by {@code service.name}) that exported at least one span of the trace.
     *
     * @param traceId the 32 hex digits of a W3C trace id
     */
    Set<String> servicesWithSpansOf(String traceId, Set<String> candidates) {
        byte[] id = HexFormat.of().parseHex(traceId);
        Set<String> services = new TreeSet<>();
        for (byte[] export : exports) {
            if (indexOf(export, id) >= 0) {
                candidates.stream()
                        .filter(name -> indexOf(export, name.getBytes(StandardCharsets.UTF_8)) >= 0)
                        .forEach(services::add);
            }
        }
        return services;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
