package org.banksuite.adapter.account.query;

import org.banksuite.adapter.core.CoreAccountNumber;

/** An account open at the core, and the cursor its entries were last fetched to (null: none yet). */
public record SyncTarget(String accountId, CoreAccountNumber number, String cursor) {
}
