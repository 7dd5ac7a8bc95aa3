package org.banksuite.console.reconstitution.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The job form as the person filled it in, bound from the request as typed (checked by {@link JobFormCheck}).
 * Times are the browser's {@code datetime-local} values, read as UTC; entity ids are pasted as a list (one per
 * line, or separated by spaces, commas or semicolons).
 */
public class JobForm {

    private String producer = "";
    private String receiver = "";
    private String from = "";
    private String to = "";
    private String entityIds = "";
    private List<String> eventNames = new ArrayList<>();
    private String reason = "";

    public String getProducer() {
        return producer;
    }

    public void setProducer(String producer) {
        this.producer = producer == null ? "" : producer;
    }

    public String getReceiver() {
        return receiver;
    }

    public void setReceiver(String receiver) {
        this.receiver = receiver == null ? "" : receiver;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from == null ? "" : from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to == null ? "" : to;
    }

    public String getEntityIds() {
        return entityIds;
    }

    public void setEntityIds(String entityIds) {
        this.entityIds = entityIds == null ? "" : entityIds;
    }

    public List<String> getEventNames() {
        return eventNames;
    }

    public void setEventNames(List<String> eventNames) {
        this.eventNames = eventNames == null ? new ArrayList<>() : new ArrayList<>(eventNames);
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason == null ? "" : reason;
    }
}
