package org.banksuite.reconciliation.ledger.web;

import java.util.List;
import java.util.UUID;

import org.banksuite.kit.query.KeysetCursor;
import org.banksuite.reconciliation.api.ReconciliationApi;
import org.banksuite.reconciliation.api.model.AccountPosition;
import org.banksuite.reconciliation.api.model.MismatchPage;
import org.banksuite.reconciliation.ledger.query.MismatchQueries;
import org.banksuite.reconciliation.ledger.query.MismatchView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The read-only reconciliation API: open mismatches and account positions. */
@RestController
class ReconciliationController implements ReconciliationApi {

    private static final KeysetCursor CURSOR = new KeysetCursor("m1");

    private final MismatchQueries queries;

    ReconciliationController(MismatchQueries queries) {
        this.queries = queries;
    }

    @Override
    public ResponseEntity<MismatchPage> listOpenMismatches(String kind, UUID accountId, Integer limit, String cursor) {
        int size = limit == null ? 50 : limit;
        long after = cursor == null ? 0 : CURSOR.decode(cursor);
        List<MismatchView> page = queries.open(kind, accountId == null ? null : accountId.toString(), after, size + 1);
        MismatchPage body = new MismatchPage(page.stream().limit(size).map(ReconciliationApiMapper::mismatch).toList());
        if (page.size() > size) {
            body.nextCursor(CURSOR.encode(page.get(size - 1).position()));
        }
        return ResponseEntity.ok(body);
    }

    @Override
    public ResponseEntity<AccountPosition> getAccountPosition(UUID accountId) {
        return ResponseEntity.ok(queries.position(accountId.toString()).map(ReconciliationApiMapper::position)
                .orElseThrow(() -> new AccountNotSeenException(accountId)));
    }
}
