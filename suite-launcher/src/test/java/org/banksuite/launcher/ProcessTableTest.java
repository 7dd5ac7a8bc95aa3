package org.banksuite.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTableTest {

    @TempDir
    Path home;

    @Test
    void listsEveryProcessWithWhatAChaosRunNeedsToSignalIt() throws IOException {
        Path file = new SuiteLayout(home).processesFile();
        ProcessTable.write(file, List.of(
                new ProcessTable.Entry("accounts-service", 2, "service", 1234, 8181, "http://localhost:8181", 0),
                new ProcessTable.Entry("postgres", 1, "postgres", 99, 5432, null, 1)));

        assertThat(file).isEqualTo(home.resolve(".suite/processes.json"));
        assertThat(Files.readString(file).replace("\n", "")).isEqualTo("{\"processes\":["
                + "  {\"name\":\"accounts-service\",\"replica\":2,\"kind\":\"service\",\"pid\":1234,\"port\":8181,"
                + "\"url\":\"http://localhost:8181\",\"restarts\":0},"
                + "  {\"name\":\"postgres\",\"replica\":1,\"kind\":\"postgres\",\"pid\":99,\"port\":5432,\"restarts\":1}"
                + "]}");
    }

    @Test
    void rewritesTheWholeTableAndLeavesNoTemporaryFileBehind() throws IOException {
        Path file = new SuiteLayout(home).processesFile();
        ProcessTable.write(file, List.of(new ProcessTable.Entry("kafka", 1, "kafka", 10, 9092, null, 0)));
        ProcessTable.write(file, List.of(new ProcessTable.Entry("kafka", 1, "kafka", 11, 9092, null, 1)));

        assertThat(Files.readString(file)).contains("\"pid\":11").contains("\"restarts\":1").doesNotContain("\"pid\":10");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("processes.json");
        }
    }
}
