package org.banksuite.endtoend;

/** Prints how long the steps of a test took, counted from the moment it was started. */
final class Stopwatch {

    private final long startedAt = System.nanoTime();

    Stopwatch(String start) {
        System.out.println(start);
    }

    void lap(String what) {
        System.out.printf("  %-40s +%.1f s%n", what, (System.nanoTime() - startedAt) / 1e9);
    }
}
