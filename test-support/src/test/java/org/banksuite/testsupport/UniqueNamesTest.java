package org.banksuite.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UniqueNamesTest {

    @Test
    void makesPlainLowercaseDatabaseNames() {
        assertThat(UniqueNames.databaseName("Accounts$Component IT")).matches("accounts_component_it_\\d+_[a-z0-9]{4}");
        assertThat(UniqueNames.databaseName("x".repeat(100)).length()).isLessThanOrEqualTo(63);
    }

    @Test
    void makesUniqueTopicPrefixesEndingWithADot() {
        String first = UniqueNames.topicPrefix("TransfersIT");
        String second = UniqueNames.topicPrefix("TransfersIT");

        assertThat(first).matches("transfersit-\\d+-[a-z0-9]{4}\\.").isNotEqualTo(second);
    }
}
