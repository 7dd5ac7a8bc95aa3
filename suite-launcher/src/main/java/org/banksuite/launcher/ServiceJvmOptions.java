package org.banksuite.launcher;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** JVM options for every service: {@code SUITE_SERVICE_JAVA_OPTS}, else a modest heap. */
final class ServiceJvmOptions {

    static final String VARIABLE = "SUITE_SERVICE_JAVA_OPTS";
    private static final List<String> DEFAULT = List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError");

    private ServiceJvmOptions() {
    }

    static List<String> from(Map<String, String> environment) {
        String options = environment.get(VARIABLE);
        if (options == null || options.isBlank()) {
            return DEFAULT;
        }
        return Arrays.stream(options.trim().split("\\s+")).toList();
    }
}
