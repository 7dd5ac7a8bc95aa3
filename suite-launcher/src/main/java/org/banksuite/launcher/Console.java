package org.banksuite.launcher;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** What the launcher tells the person at the terminal. */
final class Console {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Console() {
    }

    static void step(String message) {
        System.out.println(LocalTime.now().format(TIME) + "  " + message);
    }

    static void warn(String message) {
        System.out.println(LocalTime.now().format(TIME) + "  WARNING: " + message);
    }

    static void error(String message) {
        System.err.println(LocalTime.now().format(TIME) + "  ERROR: " + message);
    }

    static void print(String text) {
        System.out.println(text);
    }
}
