package org.banksuite.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a service's jar in {@link StackRestartIT}: a JVM that answers 200 on {@code /actuator/health/*} at
 * {@code SERVER_ADDRESS:SERVER_PORT}, as the launcher starts a Spring Boot service, in a fraction of the time.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(System.getenv("SERVER_ADDRESS"),
                Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }
}
