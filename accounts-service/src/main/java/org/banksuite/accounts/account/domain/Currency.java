package org.banksuite.accounts.account.domain;

/** The currencies an account can be held in. All of them have two minor digits. */
public enum Currency {
    DKK, EUR, SEK, NOK;

    public static final int MINOR_DIGITS = 2;
}
