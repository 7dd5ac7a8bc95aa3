package org.banksuite.transfers.transfer.web;

/**
 * The content of a transfer request fails one of the API's checks. An {@link IllegalArgumentException}, so that the
 * Idempotency-Key it came with is released for a corrected request.
 */
class TransferRequestRefusedException extends IllegalArgumentException {

    private final TransferRequestProblem problem;

    TransferRequestRefusedException(TransferRequestProblem problem, String detail) {
        super(detail);
        this.problem = problem;
    }

    TransferRequestProblem problem() {
        return problem;
    }
}
