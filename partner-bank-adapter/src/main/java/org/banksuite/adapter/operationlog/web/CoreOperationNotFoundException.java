package org.banksuite.adapter.operationlog.web;

public class CoreOperationNotFoundException extends RuntimeException {

    public CoreOperationNotFoundException(String operationId) {
        super("No core operation " + operationId);
    }
}
