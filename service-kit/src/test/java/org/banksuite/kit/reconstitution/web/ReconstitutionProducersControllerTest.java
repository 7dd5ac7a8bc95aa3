package org.banksuite.kit.reconstitution.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.events.Topics;
import org.banksuite.kit.ops.api.model.ReconstitutionProducerInfo;
import org.banksuite.kit.ops.api.model.ReconstitutionProducerList;
import org.banksuite.kit.reconstitution.ProducerCatalog;
import org.banksuite.kit.reconstitution.Producer;
import org.banksuite.kit.reconstitution.ReplayableEvents;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /ops/v1/reconstitution-producers}: what a service announces for a job form comes from the
 * {@link ReplayableEvents} it declares and shared-events' {@code Receivers}, the same sources a job is checked against.
 */
class ReconstitutionProducersControllerTest {

    @Test
    void announcesEachDeclaredProducerWithItsTopicEventNamesAndTheReceiversThatReadIt() {
        ReconstitutionProducersController controller = new ReconstitutionProducersController(new ProducerCatalog(
                List.of(declared("transfers", "transfer", Topics.TRANSFERS_EVENTS),
                        declared("accounts", "account", Topics.ACCOUNTS_EVENTS))));

        ReconstitutionProducerList answer = controller.listReconstitutionProducers().getBody();

        assertThat(answer.getItems()).extracting(item -> item.getProducer().getDomain() + "/"
                + item.getProducer().getEntityType()).containsExactly("accounts/account", "transfers/transfer");
        ReconstitutionProducerInfo accounts = answer.getItems().getFirst();
        assertThat(accounts.getTopic()).isEqualTo("accounts.events");
        assertThat(accounts.getReceivers()).containsExactly("partner-bank-adapter", "transfers-service");
        assertThat(accounts.getEventNames()).contains("AccountOpened", "AccountActivated", "FundsReserved")
                .isSorted().doesNotContain("TransferRequested");
        assertThat(answer.getItems().get(1).getReceivers()).containsExactly("accounts-service", "partner-bank-adapter");
    }

    @Test
    void aServiceThatProducesNothingAnnouncesAnEmptyList() {
        ReconstitutionProducerList answer = new ReconstitutionProducersController(new ProducerCatalog(List.of()))
                .listReconstitutionProducers().getBody();

        assertThat(answer.getItems()).isEmpty();
    }

    private static ReplayableEvents declared(String domain, String entityType, String topic) {
        return new ReplayableEvents() {
            @Override
            public Producer producer() {
                return new Producer(domain, entityType);
            }

            @Override
            public String aggregateType() {
                return entityType;
            }

            @Override
            public List<Class<? extends IntegrationEvent>> publishedTypes() {
                return ReplayableEvents.catalogedOn(topic);
            }

            @Override
            public Optional<PublishedEvent> published(DomainEventMessage<?> stored) {
                return Optional.empty();
            }
        };
    }
}
