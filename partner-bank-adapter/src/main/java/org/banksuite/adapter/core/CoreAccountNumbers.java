package org.banksuite.adapter.core;

import java.util.Optional;

/** The core numbers of the suite's accounts that the adapter opened at the core. */
public interface CoreAccountNumbers {

    Optional<CoreAccountNumber> of(String accountId);
}
