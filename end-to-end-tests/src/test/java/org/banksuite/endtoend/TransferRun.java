package org.banksuite.endtoend;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.banksuite.launcher.demo.Polling;
import org.banksuite.launcher.demo.TransferSteps;

/** Requests planned transfers one after the other, at a steady pace, in the background, as BFFs would. */
final class TransferRun {

    record Requested(PlannedTransfer plan, UUID transferId) {
    }

    private static final Duration PACE = Duration.ofMillis(150);

    private final List<Requested> requested = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> running;

    private TransferRun(TransferSteps transfers, List<PlannedTransfer> plan) {
        this.running = CompletableFuture.runAsync(() -> {
            for (PlannedTransfer transfer : plan) {
                UUID id = transfers.request(transfer.debtor(), TransferSteps.toAccount(transfer.creditor()),
                        transfer.amount(), "run " + requested.size());
                requested.add(new Requested(transfer, id));
                pause();
            }
        });
    }

    static TransferRun start(TransferSteps transfers, List<PlannedTransfer> plan) {
        return new TransferRun(transfers, plan);
    }

    void awaitRequested(int count) {
        Polling.until(count + " transfers requested", Duration.ofSeconds(60), requested::size,
                size -> size >= count || running.isDone());
        running.getNow(null); // a failed run fails here
    }

    List<Requested> finish() {
        running.join();
        return List.copyOf(requested);
    }

    private static void pause() {
        try {
            Thread.sleep(PACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
