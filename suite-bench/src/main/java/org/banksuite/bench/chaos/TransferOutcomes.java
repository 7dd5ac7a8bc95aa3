package org.banksuite.bench.chaos;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import org.banksuite.api.transfers.client.model.Transfer;
import org.banksuite.api.transfers.client.model.TransferStatus;

/**
 * Each accepted transfer's state once the suite settled, read by its requester through transfers-service (any
 * replica), asked again until it is BOOKED or REJECTED or the patience is over.
 */
final class TransferOutcomes {

    private static final int PARALLEL_READS = 16;

    private final Map<UUID, TransferStatus> states = new ConcurrentHashMap<>();

    static TransferOutcomes settle(Replicas replicas, Map<UUID, RunBook.AcceptedTransfer> accepted, Duration patience) {
        TransferOutcomes outcomes = new TransferOutcomes();
        long deadline = System.nanoTime() + patience.toNanos();
        Semaphore slots = new Semaphore(PARALLEL_READS);
        List<Future<?>> reads = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (RunBook.AcceptedTransfer transfer : accepted.values()) {
                reads.add(threads.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        TransferStatus status = awaitFinal(replicas, transfer, deadline);
                        if (status != null) {
                            outcomes.states.put(transfer.transferId(), status);
                        }
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        return outcomes;
    }

    private static TransferStatus awaitFinal(Replicas replicas, RunBook.AcceptedTransfer transfer, long deadline) {
        TransferStatus status = null;
        while (true) {
            try {
                Transfer read = replicas.call("reading transfer " + transfer.transferId(),
                        clients -> clients.transfers(transfer.holder()).getTransfer(transfer.transferId(), null));
                status = read.getStatus();
                if (status == TransferStatus.BOOKED || status == TransferStatus.REJECTED) {
                    return status;
                }
            } catch (RuntimeException notNow) {
                // unreadable now: counted as not ended if it stays so
            }
            if (System.nanoTime() > deadline) {
                return status;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
        }
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
