package org.banksuite.money;

/** The currencies the suite keeps money in. All of them have two minor digits. */
public enum Currency {
    DKK, EUR, SEK, NOK;

    public static final int MINOR_DIGITS = 2;
}
