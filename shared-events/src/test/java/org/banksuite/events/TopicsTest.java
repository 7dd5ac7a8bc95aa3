package org.banksuite.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class TopicsTest {

    @Test
    void namesTheEventTopics() {
        assertThat(Topics.ACCOUNTS_EVENTS).isEqualTo("accounts.events");
        assertThat(Topics.TRANSFERS_EVENTS).isEqualTo("transfers.events");
        assertThat(Topics.PARTNER_BANK_EVENTS).isEqualTo("partner-bank.events");
        assertThat(Topics.RECONCILIATION_EVENTS).isEqualTo("reconciliation.events");
    }

    @Test
    void namesTheReconstitutionTopicOfAReceiver() {
        assertThat(Topics.reconstitution("transfers-service")).isEqualTo("reconstitution.transfers-service");
        assertThat(Topics.reconstitution("recon2")).isEqualTo("reconstitution.recon2");
    }

    @Test
    void rejectsReceiversThatAreNotLowercaseLettersDigitsAndDashes() {
        for (String receiver : new String[] {"", "Transfers", "a.b", "a_b", "a b", "-a", "a-", "a--b", "ø"}) {
            assertThatIllegalArgumentException().as(receiver).isThrownBy(() -> Topics.reconstitution(receiver));
        }
        assertThatNullPointerException().isThrownBy(() -> Topics.reconstitution(null));
    }
}
