package org.banksuite.adapter.operationlog.web;

import org.banksuite.adapter.api.CoreOperationsApi;
import org.banksuite.adapter.api.model.CoreOperation;
import org.banksuite.adapter.api.model.CoreOperationPage;
import org.banksuite.adapter.operationlog.OperationLogQueries;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The operation log for support: what the adapter sent to the core, when, and what came back. */
@RestController
class CoreOperationsController implements CoreOperationsApi {

    private final OperationLogQueries queries;

    CoreOperationsController(OperationLogQueries queries) {
        this.queries = queries;
    }

    @Override
    public ResponseEntity<CoreOperation> getCoreOperation(String operationId) {
        return queries.find(operationId).map(OperationApiMapper::operation).map(ResponseEntity::ok)
                .orElseThrow(() -> new CoreOperationNotFoundException(operationId));
    }

    @Override
    public ResponseEntity<CoreOperationPage> listCoreOperations(String accountId, String transferId, Integer limit,
                                                                String cursor) {
        return ResponseEntity.ok(OperationApiMapper.page(queries.page(accountId, transferId, limit, cursor)));
    }
}
