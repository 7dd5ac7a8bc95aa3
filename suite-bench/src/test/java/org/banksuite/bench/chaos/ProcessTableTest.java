package org.banksuite.bench.chaos;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessTableTest {

    @Test
    void readsTheLaunchersTableAndLabelsReplicas(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve(".suite"));
        Files.writeString(home.resolve(".suite/processes.json"), """
                {"processes":[
                 {"name":"accounts-service","replica":2,"kind":"service","pid":12,"port":8181,"url":"http://localhost:8181","restarts":1},
                 {"name":"accounts-service","replica":1,"kind":"service","pid":11,"port":8081,"url":"http://localhost:8081","restarts":0},
                 {"name":"postgres","replica":1,"kind":"postgres","pid":5,"port":5432}]}
                """);
        ProcessTable table = new ProcessTable(home);

        assertThat(table.read()).extracting(ProcessTable.Entry::label)
                .containsExactly("accounts-service#2", "accounts-service#1", "postgres");
        assertThat(table.urls("accounts-service")).containsExactly("http://localhost:8081", "http://localhost:8181");
        assertThat(table.find("accounts-service#2")).hasValueSatisfying(entry -> assertThat(entry.pid()).isEqualTo(12));
    }

    @Test
    void saysWhatIsMissingWhenNoSuiteWroteTheTable(@TempDir Path home) {
        assertThatThrownBy(() -> new ProcessTable(home).read()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("processes.json");
    }
}
