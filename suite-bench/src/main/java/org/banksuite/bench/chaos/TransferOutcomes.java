package org.banksuite.bench.chaos;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.banksuite.api.transfers.client.model.TransferStatus;

/**
 * Each accepted transfer's state once the suite settled, as transfers-service answers it to a BFF: read from its query
 * side ({@code transfer_view} in the {@code transfers} database, the table {@code GET /v1/transfers/{id}} answers from)
 * all at once, again every two seconds until every accepted transfer is BOOKED or REJECTED or the patience is over.
 * One query per round, not one call per transfer: the full run's 10,000 transfers read one by one through the API took
 * longer than the run's patience on a loaded machine.
 */
final class TransferOutcomes {

    private static final Duration ROUND = Duration.ofSeconds(2);

    private final Map<UUID, TransferStatus> states;

    private TransferOutcomes(Map<UUID, TransferStatus> states) {
        this.states = states;
    }

    /**
     * @param accepted the transfers the suite accepted (202), by id
     * @param patience how long to wait for the last of them to end
     * @return their states at the end; a transfer the query side does not know has none
     */
    static TransferOutcomes settle(StackDatabases databases, Map<UUID, RunBook.AcceptedTransfer> accepted,
                                   Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        Map<UUID, TransferStatus> states = new HashMap<>();
        while (true) {
            try {
                states = read(databases, accepted);
            } catch (IllegalStateException unreachable) {
                // PostgreSQL still restarting: the last round's states stand
            }
            Map<UUID, TransferStatus> seen = states;
            boolean allEnded = accepted.keySet().stream().allMatch(id -> ended(seen.get(id)));
            if (allEnded || System.nanoTime() > deadline) {
                return new TransferOutcomes(states);
            }
            try {
                Thread.sleep(ROUND);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new TransferOutcomes(states);
            }
        }
    }

    private static Map<UUID, TransferStatus> read(StackDatabases databases,
                                                  Map<UUID, RunBook.AcceptedTransfer> accepted) {
        Map<UUID, TransferStatus> states = new HashMap<>();
        for (String[] row : databases.query("transfers", "select transfer_id, status from transfer_view")) {
            UUID transferId = UUID.fromString(row[0]);
            if (accepted.containsKey(transferId)) {
                states.put(transferId, TransferStatus.fromValue(row[1]));
            }
        }
        return states;
    }

    private static boolean ended(TransferStatus status) {
        return status == TransferStatus.BOOKED || status == TransferStatus.REJECTED;
    }

    TransferStatus of(UUID transferId) {
        return states.get(transferId);
    }

    long count(TransferStatus status) {
        return states.values().stream().filter(status::equals).count();
    }

    /** The amounts of the BOOKED transfers of a kind, summed. DKK. */
    BigDecimal booked(Map<UUID, RunBook.AcceptedTransfer> accepted, Operation kind) {
        return accepted.values().stream().filter(transfer -> transfer.kind() == kind)
                .filter(transfer -> states.get(transfer.transferId()) == TransferStatus.BOOKED)
                .map(RunBook.AcceptedTransfer::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
