package org.banksuite.simulator;

import java.math.BigDecimal;

/** An account as the core keeps it. */
public record CoreAccount(String registrationNumber, String accountNumber, String externalId, String recordType,
        String currency, String status, BigDecimal balance) {

    static final String OPEN = "OPEN";
    static final String CLOSED = "CLOSED";
}
