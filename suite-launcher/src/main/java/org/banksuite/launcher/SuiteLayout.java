package org.banksuite.launcher;

import java.nio.file.Path;

/** Where the local stack keeps its state: everything under {@code .suite/} in the project's root. */
record SuiteLayout(Path home) {

    Path stateDirectory() {
        return home.resolve(".suite");
    }

    Path postgresData() {
        return stateDirectory().resolve("data").resolve("postgres");
    }

    /** PostgreSQL's generated passwords, one owner-only file per role ({@code postgres.password} the superuser's). */
    Path postgresPasswords() {
        return stateDirectory().resolve("postgres");
    }

    Path kafkaData() {
        return stateDirectory().resolve("data").resolve("kafka");
    }

    /** Each Kafka principal's client settings, {@code <principal>.properties}, owner-only. */
    Path kafkaCredentials() {
        return stateDirectory().resolve("kafka");
    }

    /** The issuer's signing key and its clients' secrets ({@code clients.properties}), owner-only. */
    Path authState() {
        return stateDirectory().resolve("auth");
    }

    Path logs() {
        return stateDirectory().resolve("logs");
    }

    Path log(String name) {
        return logs().resolve(name + ".log");
    }

    Path pidFile() {
        return stateDirectory().resolve("suite.pid");
    }

    /** The running stack's processes ({@link ProcessTable}). */
    Path processesFile() {
        return stateDirectory().resolve("processes.json");
    }

    Path statusFile() {
        return stateDirectory().resolve("status.txt");
    }

    /** A path relative to the project's root, for messages. */
    String show(Path path) {
        Path relative = home.relativize(path.toAbsolutePath());
        return relative.toString().isEmpty() ? "." : relative.toString();
    }
}
