package org.banksuite.kit.inbox;

/** The inbox's names shared by every service. */
public final class Inbox {

    /**
     * The processing group of a service's inbound translation: the handlers that turn foreign events from the inbox
     * into commands. Processor settings live under {@code axon.eventhandling.processors.inbound}.
     */
    public static final String PROCESSING_GROUP = "inbound";

    /** The bean name of the sequencing policy that keeps one dead-letter sequence per entity. */
    public static final String SEQUENCING_POLICY = "inboundSequencingPolicy";

    private Inbox() {
    }
}
