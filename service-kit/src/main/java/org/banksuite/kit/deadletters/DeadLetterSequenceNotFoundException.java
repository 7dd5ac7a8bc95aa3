package org.banksuite.kit.deadletters;

/** The processing group's queue holds no letters of this sequence (never did, or they were processed or evicted). */
public class DeadLetterSequenceNotFoundException extends RuntimeException {

    public DeadLetterSequenceNotFoundException(String processingGroup, String sequenceId) {
        super("No dead letters of sequence " + sequenceId + " in processing group " + processingGroup);
    }
}
