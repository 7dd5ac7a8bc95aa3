package org.banksuite.transfers.transfer.web;

/** A resolution asked for without a reason: the audit needs one. */
class ResolutionReasonMissingException extends RuntimeException {

    ResolutionReasonMissingException() {
        super("a resolution needs a non-blank reason");
    }
}
