package org.banksuite.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkSplitTest {

    @TempDir
    Path home;

    @Test
    void listsPartitionsByTopicInOrder() {
        assertThat(WorkSplit.partitions(List.of(new TopicPartition("transfers.events", 2),
                new TopicPartition("partner-bank.events", 1), new TopicPartition("transfers.events", 0))))
                .isEqualTo("partner-bank.events[1] transfers.events[0,2]");
        assertThat(WorkSplit.partitions(List.of())).isEqualTo("(no partitions)");
    }

    @Test
    void listsSegmentNumbersAsRanges() {
        assertThat(WorkSplit.segments(List.of(7, 0, 1, 2, 3, 5, 8, 9))).isEqualTo("segments 0-3,5,7-9");
        assertThat(WorkSplit.segments(List.of(0))).isEqualTo("segments 0");
    }

    @Test
    void namesASegmentOwnerByItsReplicaFromTheProcessTable() throws IOException {
        Path file = new SuiteLayout(home).processesFile();
        ProcessTable.write(file, List.of(
                new ProcessTable.Entry("accounts-service", 1, "service", 101, 8081, "http://localhost:8081", 0),
                new ProcessTable.Entry("accounts-service", 2, "service", 202, 8181, "http://localhost:8181", 3),
                new ProcessTable.Entry("postgres", 1, "postgres", 303, 5432, null, 0)));
        Map<String, String> replicas = WorkSplit.replicasByPid(file);

        assertThat(replicas).containsOnly(Map.entry("101", "accounts-service-1"), Map.entry("202", "accounts-service-2"));
        assertThat(WorkSplit.ownerName("202@host", replicas)).isEqualTo("accounts-service-2 (202@host)");
        assertThat(WorkSplit.ownerName("999@host", replicas)).isEqualTo("999@host");
        assertThat(WorkSplit.ownerName(null, replicas)).isEqualTo("unclaimed");
    }
}
