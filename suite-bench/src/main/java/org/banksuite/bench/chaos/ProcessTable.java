package org.banksuite.bench.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The processes of a running local stack as its launcher lists them in {@code .suite/processes.json} (see
 * suite-launcher's README): every service replica, PostgreSQL's postmaster and the Kafka broker's JVM, each with the
 * pid to signal. The launcher rewrites the file whenever it restarts one, so it is read again before each fault.
 */
public final class ProcessTable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One process of the stack.
     *
     * @param name    the service's module name, {@code postgres} or {@code kafka}
     * @param replica 1, 2, ... ({@code SUITE_REPLICAS}); 1 for PostgreSQL and Kafka
     * @param kind    {@code service}, {@code postgres} or {@code kafka}
     * @param url     the service's base URL; empty for PostgreSQL and Kafka
     */
    public record Entry(String name, int replica, String kind, long pid, int port, String url, int restarts) {

        /** How the chaos report names it: {@code accounts-service#2}, {@code postgres}. */
        public String label() {
            return kind.equals("service") ? name + "#" + replica : name;
        }
    }

    private final Path file;

    public ProcessTable(Path home) {
        this.file = home.resolve(".suite/processes.json");
    }

    /**
     * The stack's processes now.
     *
     * @throws IllegalStateException when the file is missing or not the launcher's format (an older launcher)
     */
    public List<Entry> read() {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            List<Entry> entries = new ArrayList<>();
            for (JsonNode process : root.path("processes")) {
                entries.add(new Entry(process.path("name").asString(), process.path("replica").asInt(1),
                        process.path("kind").asString(), process.path("pid").asLong(), process.path("port").asInt(),
                        process.path("url").asString(""), process.path("restarts").asInt(0)));
            }
            if (entries.isEmpty()) {
                throw new IllegalStateException(file + " lists no process");
            }
            return entries;
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException("cannot read the stack's processes from " + file
                    + " (is the suite running, started by this clone's ./suite up?): " + e.getMessage(), e);
        }
    }

    /**
     * The stack's processes once the launcher wrote them (it does when the whole stack started).
     *
     * @throws IllegalStateException when it did not within {@code patience}
     */
    public List<Entry> await(java.time.Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return read();
            } catch (IllegalStateException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + file, e);
            }
        }
    }

    /** The process of that label now (its pid changes when the launcher restarts it). */
    public Optional<Entry> find(String label) {
        return read().stream().filter(entry -> entry.label().equals(label)).findFirst();
    }

    /** The base URLs of a service's replicas, replica 1 first. */
    public List<String> urls(String service) {
        return read().stream().filter(entry -> entry.name().equals(service) && entry.kind().equals("service"))
                .sorted(java.util.Comparator.comparingInt(Entry::replica)).map(Entry::url).toList();
    }
}
