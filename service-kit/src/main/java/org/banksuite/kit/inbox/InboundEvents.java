package org.banksuite.kit.inbox;

/** Metadata keys under which an inbound record's envelope is kept with the event in the inbox. */
public final class InboundEvents {

    /** The entity the inbound event is about: failures hold back only later events with the same subject. */
    public static final String SUBJECT = "ce_subject";
    public static final String TYPE = "ce_type";
    /** The producer's sequence number of the event for its subject, as a decimal string. */
    public static final String SEQUENCE = "ce_sequence";
    public static final String SOURCE = "ce_source";
    /**
     * When the producer says the event happened ({@code ce_time}, ISO-8601 UTC). The stored event's own timestamp is
     * when the inbox stored it, never this: see {@link InboundInbox}.
     */
    public static final String TIME = "ce_time";
    public static final String TOPIC = "kafka_topic";
    public static final String OFFSET = "kafka_offset";
    /** The producer's id of a replayed event; the inbox keeps a replay under an id of its own, per job. */
    public static final String ID = "ce_id";
    /** The reconstitution job that replayed the event; absent on live events. */
    public static final String RECONSTITUTION_JOB = "ce_reconstitutionjob";

    private InboundEvents() {
    }
}
