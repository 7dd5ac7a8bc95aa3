package org.banksuite.adapter.core;

public enum OperationKind {
    OPEN_ACCOUNT, CLOSE_ACCOUNT, CHANGE_RECORD_TYPE, SUBMIT_PAYMENT, FETCH_ENTRIES
}
