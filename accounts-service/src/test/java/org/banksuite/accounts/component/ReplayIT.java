package org.banksuite.accounts.component;

import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.banksuite.accounts.account.query.AccountProjection;
import org.banksuite.api.accounts.client.model.Account;
import org.banksuite.api.accounts.client.model.AccountStatus;
import org.banksuite.api.accounts.client.model.Currency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The query side can be rebuilt from the event store: a replay ends with the same views, postings included. */
class ReplayIT extends ComponentTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void rebuildsTheViewsFromTheEventStore() {
        UUID id = openActive("replay-1", Currency.DKK);
        credit(id, "12.50", Currency.DKK);
        credit(id, "7.50", Currency.DKK);
        Account before = awaitAccount(id, a -> a.getBookedBalance().getAmount().equals("20.00"));

        StreamingEventProcessor projection = processing
                .eventProcessor(AccountProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        projection.shutDown();
        projection.resetTokens();
        Account rebuilding = accounts.getAccount(id, null); // never 404 while the view is empty: as opened
        assertThat(rebuilding.getStatus()).isEqualTo(AccountStatus.PENDING_ACTIVATION);
        assertThat(rebuilding.getVersion()).isZero();
        projection.start();

        Account after = awaitAccount(id, a -> a.getVersion().equals(before.getVersion()));
        assertThat(after).isEqualTo(before);
        assertThat(accounts.listPostings(id, null, null).getItems()).hasSize(2);
    }
}
