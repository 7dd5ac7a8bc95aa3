package org.banksuite.kit.reconstitution.web;

import org.banksuite.kit.ops.api.ReconstitutionProducersApi;
import org.banksuite.kit.ops.api.model.Producer;
import org.banksuite.kit.ops.api.model.ReconstitutionProducerInfo;
import org.banksuite.kit.ops.api.model.ReconstitutionProducerList;
import org.banksuite.kit.reconstitution.ProducerCatalog;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /ops/v1/reconstitution-producers} of every service that imports the kit ({@code support} reads): the
 * producers, topics, event names and receivers a job on this service may name, so that a job form (the support
 * console's) offers what the services announce instead of a list of its own.
 */
@RestController
class ReconstitutionProducersController implements ReconstitutionProducersApi {

    private final ProducerCatalog catalog;

    ReconstitutionProducersController(ProducerCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ResponseEntity<ReconstitutionProducerList> listReconstitutionProducers() {
        return ResponseEntity.ok(new ReconstitutionProducerList().items(catalog.entries().stream()
                .map(entry -> new ReconstitutionProducerInfo()
                        .producer(new Producer().domain(entry.producer().domain())
                                .entityType(entry.producer().entityType()))
                        .topic(entry.topic()).eventNames(entry.eventNames()).receivers(entry.receivers()))
                .toList()));
    }
}
