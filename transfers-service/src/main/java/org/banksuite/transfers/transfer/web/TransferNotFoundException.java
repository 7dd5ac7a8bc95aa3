package org.banksuite.transfers.transfer.web;

class TransferNotFoundException extends RuntimeException {

    TransferNotFoundException(String transferId) {
        super("No transfer " + transferId);
    }
}
