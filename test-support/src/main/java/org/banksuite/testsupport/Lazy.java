package org.banksuite.testsupport;

import java.util.function.Supplier;

/** A value computed once, on first use; a failed attempt is retried on the next use. */
final class Lazy<T> {

    private final Supplier<T> supplier;
    private T value;

    Lazy(Supplier<T> supplier) {
        this.supplier = supplier;
    }

    synchronized T get() {
        if (value == null) {
            value = supplier.get();
        }
        return value;
    }
}
