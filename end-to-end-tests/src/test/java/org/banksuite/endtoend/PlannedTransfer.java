package org.banksuite.endtoend;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.banksuite.launcher.demo.Amounts;
import org.banksuite.launcher.demo.DemoAccount;

/** A transfer between two of the suite's accounts, planned before the run. */
record PlannedTransfer(DemoAccount debtor, DemoAccount creditor, BigDecimal amount) {

    /**
     * {@code count} transfers between random pairs of {@code accounts}, of 10.00 to 400.00 DKK: large enough that some
     * find too little money on the debtor account and are rejected.
     */
    static List<PlannedTransfer> randomly(List<DemoAccount> accounts, int count, long seed) {
        Random random = new Random(seed);
        List<PlannedTransfer> planned = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int debtor = random.nextInt(accounts.size());
            int creditor = (debtor + 1 + random.nextInt(accounts.size() - 1)) % accounts.size();
            BigDecimal amount = Amounts.of(Integer.toString(10 + random.nextInt(391)) + ".00");
            planned.add(new PlannedTransfer(accounts.get(debtor), accounts.get(creditor), amount));
        }
        return planned;
    }
}
