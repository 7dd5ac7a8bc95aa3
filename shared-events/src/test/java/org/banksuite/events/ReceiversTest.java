package org.banksuite.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiversTest {

    @Test
    void namesEachConsumingServiceAndTheTopicsItReads() {
        assertThat(Receivers.all()).containsExactly("accounts-service", "partner-bank-adapter", "transfers-service");
        assertThat(Receivers.topicsOf("transfers-service")).hasValueSatisfying(topics ->
                assertThat(topics).containsExactlyInAnyOrder(Topics.ACCOUNTS_EVENTS, Topics.PARTNER_BANK_EVENTS));
        assertThat(Receivers.topicsOf("accounts-service").orElseThrow()).doesNotContain(Topics.ACCOUNTS_EVENTS);
    }

    @Test
    void knowsNoOtherReceiver() {
        assertThat(Receivers.topicsOf("ledger-service")).isEmpty();
        assertThat(Receivers.topicsOf("partner-bank-proxy")).isEmpty();
    }

    @Test
    void everyReceiverHasAReconstitutionTopic() {
        assertThat(Receivers.all()).allSatisfy(receiver ->
                assertThat(Topics.reconstitution(receiver)).isEqualTo("reconstitution." + receiver));
    }

    @Test
    void namesAnEventWithoutItsDomainAndVersion() {
        assertThat(EventCatalog.entryOf("partner-bank.CorePostingEntryBooked.v1").eventName())
                .isEqualTo("CorePostingEntryBooked");
    }
}
