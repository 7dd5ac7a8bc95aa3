package org.banksuite.kit.deadletters;

/** The service has no processing group of this name with a dead-letter queue. */
public class UnknownProcessingGroupException extends RuntimeException {

    public UnknownProcessingGroupException(String processingGroup) {
        super("No processing group " + processingGroup + " with a dead-letter queue");
    }
}
