package org.banksuite.launcher.demo;

import java.util.UUID;

/** An account the scenario opened, once the core has it: who holds it, and its numbers in the suite and at the core. */
public record DemoAccount(String holder, String customerId, UUID accountId, String currency,
                          String registrationNumber, String accountNumber) {

    public String coreNumber() {
        return registrationNumber + "-" + accountNumber;
    }
}
