package org.banksuite.kit.deadletters.web;

/**
 * A support caller asked for what only a support lead may do, and only the request's body shows it (a job that is not
 * a dry run). Answered as the door answers a missing role: 403 {@code urn:banksuite:problem:forbidden}.
 */
public class SupportLeadRequiredException extends RuntimeException {

    public SupportLeadRequiredException(String message) {
        super(message);
    }
}
