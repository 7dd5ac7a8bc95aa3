package org.banksuite.baseline.account;

/** A request named an account the baseline does not have. */
public class UnknownAccountException extends RuntimeException {

    public UnknownAccountException(String id) {
        super("no account " + id);
    }
}
