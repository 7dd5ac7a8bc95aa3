package org.banksuite.bench.chaos;

/** The operations of a chaos run's load, with their share of it (weights out of 100). */
public enum Operation {
    INTERNAL_TRANSFER(50, true),
    TRANSFER_BY_NUMBER(14, true),
    TRANSFER_TO_OTHER_BANK(10, true),
    INCOMING_PAYMENT(12, false),
    RECORD_TYPE_CHANGE(6, false),
    OPEN_ACCOUNT(4, false),
    CLOSURE(4, false);

    private final int weight;
    private final boolean transfer;

    Operation(int weight, boolean transfer) {
        this.weight = weight;
        this.transfer = transfer;
    }

    /** Whether it is a transfer (the run's length is counted in transfers). */
    public boolean transfer() {
        return transfer;
    }

    static int weightOf(Operation operation) {
        return operation.weight;
    }

    /** The operation for a draw in [0, 100). */
    static Operation of(int draw) {
        int sum = 0;
        for (Operation operation : values()) {
            sum += operation.weight;
            if (draw < sum) {
                return operation;
            }
        }
        return INTERNAL_TRANSFER;
    }
}
