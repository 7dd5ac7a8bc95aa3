package org.banksuite.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Whether any sign of a Docker engine exists, before asking Testcontainers to look for one. */
final class DockerHints {

    private DockerHints() {
    }

    static boolean anyPresent() {
        if (System.getenv("DOCKER_HOST") != null || System.getenv("TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE") != null) {
            return true;
        }
        String home = System.getProperty("user.home");
        String uid = uid();
        List<Path> hints = List.of(
                Path.of("/var/run/docker.sock"),
                Path.of(home, ".docker", "run", "docker.sock"),
                Path.of(home, ".docker", "desktop", "docker.sock"),
                Path.of(home, ".colima", "default", "docker.sock"),
                Path.of(home, ".testcontainers.properties"),
                Path.of("/run/user/" + uid, "docker.sock"),
                Path.of("/run/user/" + uid, "podman", "podman.sock"));
        return hints.stream().anyMatch(Files::exists);
    }

    private static String uid() {
        try {
            return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid")); // Linux: our own uid
        } catch (Exception e) {
            return "unknown";
        }
    }
}
