package org.banksuite.launcher.demo;

import java.math.BigDecimal;

/** One account's balance in the suite (accounts-service's booked balance) beside the core's. */
public record BalanceLine(DemoAccount account, BigDecimal suite, BigDecimal core) {

    public boolean equal() {
        return suite != null && core != null && suite.compareTo(core) == 0;
    }
}
