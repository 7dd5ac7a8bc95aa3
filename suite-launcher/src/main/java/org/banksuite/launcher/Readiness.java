package org.banksuite.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.banksuite.infra.LogTail;

/** Waits for a service's {@code /actuator/health/readiness} to answer 200. */
final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Readiness() {
    }

    static void await(ServiceProcess service, Duration timeout) {
        URI readiness = URI.create(service.url() + "/actuator/health/readiness");
        HttpRequest request = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(3)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastAnswer = "no answer";
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException(service.name() + " exited with code " + service.exitCode()
                        + " while starting\n" + LogTail.of(service.logFile(), 60));
            }
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                lastAnswer = response.statusCode() + " " + response.body();
            } catch (IOException notYet) {
                lastAnswer = notYet.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + service.name(), e);
            }
            pause();
        }
        throw new IllegalStateException(service.name() + " was not ready within " + timeout.toSeconds()
                + " s (" + readiness + ": " + lastAnswer + ")\n" + LogTail.of(service.logFile(), 60));
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
