package org.banksuite.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code .suite/processes.json}: every process of the running stack, for tools that kill or pause them (the chaos
 * run). Rewritten whole at start and after every restart, through a temporary file moved over the old one, so a
 * reader never sees half a file:
 * <pre>{"processes":[{"name":"accounts-service","replica":1,"kind":"service","pid":1234,"port":8081,
 * "url":"http://localhost:8081","restarts":0}, ..., {"name":"postgres","replica":1,"kind":"postgres","pid":..,
 * "port":5432,"restarts":0}, {"name":"kafka","replica":1,"kind":"kafka","pid":..,"port":9092,"restarts":0}]}</pre>
 * The pid is the process to signal: the service's JVM, PostgreSQL's postmaster, the Kafka broker's JVM.
 */
final class ProcessTable {

    /**
     * One process.
     *
     * @param name     the service's name ({@code accounts-service}, not the replica's), {@code postgres} or {@code kafka}
     * @param replica  1 for the first or only instance
     * @param kind     {@code service}, {@code postgres} or {@code kafka}
     * @param pid      the process to signal
     * @param port     where it listens
     * @param url      its HTTP address (services only, else null)
     * @param restarts how often the launcher started it again after it died
     */
    record Entry(String name, int replica, String kind, long pid, int port, String url, int restarts) {
    }

    private ProcessTable() {
    }

    /**
     * Writes the table atomically (a temporary file beside it, then moved over it).
     *
     * @throws UncheckedIOException if it cannot be written
     */
    static void write(Path file, List<Entry> entries) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, json(entries));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String json(List<Entry> entries) {
        StringBuilder json = new StringBuilder("{\"processes\":[");
        String separator = "\n  ";
        for (Entry entry : entries) {
            json.append(separator).append("{\"name\":").append(quoted(entry.name()))
                    .append(",\"replica\":").append(entry.replica())
                    .append(",\"kind\":").append(quoted(entry.kind()))
                    .append(",\"pid\":").append(entry.pid())
                    .append(",\"port\":").append(entry.port());
            if (entry.url() != null) {
                json.append(",\"url\":").append(quoted(entry.url()));
            }
            json.append(",\"restarts\":").append(entry.restarts()).append('}');
            separator = ",\n  ";
        }
        return json.append("\n]}\n").toString();
    }

    /** Names and URLs are ours (lowercase letters, digits, ':', '/', '.', '-'): nothing to escape but quotes. */
    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
