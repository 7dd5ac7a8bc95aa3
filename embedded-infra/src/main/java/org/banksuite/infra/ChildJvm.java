package org.banksuite.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines for child processes: the current {@code java} binary and classpath, and a shell
 * wrapper that makes the child ignore the terminal's signals (Ctrl-C's SIGINT, a closed terminal's
 * SIGHUP), so the parent alone decides the order in which its children stop.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** The {@code java} binary of the running JVM. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java <jvmOptions> -cp <current classpath> <mainClass> <arguments>}. */
    public static List<String> command(List<String> jvmOptions, String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    /**
     * Wraps a command so that it starts with SIGINT and SIGHUP ignored. A JVM started that way
     * keeps them ignored, so a Ctrl-C in the terminal reaches only the parent, which then stops its
     * children with SIGTERM in the right order.
     */
    public static List<String> ignoringTerminalSignals(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c", "trap '' INT HUP; exec \"$@\"", "sh"));
        wrapped.addAll(command);
        return wrapped;
    }
}
