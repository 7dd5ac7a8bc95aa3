package org.banksuite.bench.stack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A readable name for a process of the local stack, from its command line. */
final class ProcessNames {

    private static final Pattern JAR = Pattern.compile("([A-Za-z0-9_.-]+)\\.jar(\\s|$)");

    private ProcessNames() {
    }

    /**
     * @param commandLine the process's arguments separated by spaces
     * @param comm        the kernel's short name ({@code /proc/<pid>/stat}'s second field), used when nothing better
     */
    static String of(String commandLine, String comm) {
        if (commandLine.startsWith("postgres:")) {
            return commandLine; // a PostgreSQL backend names itself, e.g. "postgres: walwriter"
        }
        if (commandLine.contains("bin/postgres ")) {
            return "postgres (postmaster)";
        }
        if (commandLine.contains("org.banksuite.launcher.Suite")) {
            return "suite-launcher";
        }
        if (commandLine.contains("BrokerMain") || commandLine.contains("kafka.Kafka")) {
            return "kafka";
        }
        Matcher jar = JAR.matcher(commandLine);
        String last = null;
        while (jar.find()) {
            last = jar.group(1);
        }
        return last != null ? last : comm;
    }
}
