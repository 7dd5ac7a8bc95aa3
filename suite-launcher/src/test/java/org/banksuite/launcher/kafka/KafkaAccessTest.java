package org.banksuite.launcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaAccessTest {

    @Test
    void accountsServiceWritesItsTopicItsReplaysToItsReceiversAndTheDeadLettersOfWhatItReads() {
        PrincipalAccess accounts = KafkaAccess.of("accounts-service").orElseThrow();

        assertThat(accounts.writes()).containsExactlyInAnyOrder("accounts.events",
                "reconstitution.transfers-service", "reconstitution.partner-bank-adapter",
                "transfers.events.dlt", "partner-bank.events.dlt", "reconstitution.accounts-service.dlt");
        assertThat(accounts.reads()).containsExactlyInAnyOrder("transfers.events", "partner-bank.events",
                "reconstitution.accounts-service");
        assertThat(accounts.groups()).containsExactly("accounts-service");
        assertThat(accounts.groupPrefixes()).isEmpty();
    }

    @Test
    void theAdapterWritesPartnerBankEventsAndReadsAccountsAndTransfers() {
        PrincipalAccess adapter = KafkaAccess.of("partner-bank-adapter").orElseThrow();

        assertThat(adapter.writes()).containsExactlyInAnyOrder("partner-bank.events",
                "reconstitution.accounts-service", "reconstitution.transfers-service",
                "accounts.events.dlt", "transfers.events.dlt", "reconstitution.partner-bank-adapter.dlt");
        assertThat(adapter.reads()).containsExactlyInAnyOrder("accounts.events", "transfers.events",
                "reconstitution.partner-bank-adapter");
    }

    @Test
    void reconciliationWritesOnlyItsOwnTopicAndReadsTheThreeLiveOnes() {
        PrincipalAccess reconciliation = KafkaAccess.of("reconciliation-service").orElseThrow();

        assertThat(reconciliation.writes()).containsExactly("reconciliation.events");
        assertThat(reconciliation.reads()).containsExactlyInAnyOrder("accounts.events", "transfers.events",
                "partner-bank.events");
        assertThat(reconciliation.groups()).containsExactly("reconciliation-service");
    }

    @Test
    void theObserverReadsEveryTopicAndWritesNone() {
        PrincipalAccess observer = KafkaAccess.of(KafkaAccess.OBSERVER).orElseThrow();

        assertThat(observer.writes()).isEmpty();
        assertThat(observer.reads()).isEqualTo(KafkaAccess.topics());
        assertThat(observer.groupPrefixes()).containsExactly("suite-observer");
    }

    @Test
    void noTopicIsWrittenByTwoServicesExceptTheDeadLetterAndReplayTopics() {
        for (String topic : KafkaAccess.topics()) {
            long writers = KafkaAccess.SERVICES.stream().filter(service -> service.writes().contains(topic)).count();
            if (!topic.endsWith(".dlt") && !topic.startsWith("reconstitution.")) {
                assertThat(writers).as("writers of " + topic).isEqualTo(1);
            }
        }
    }
}
