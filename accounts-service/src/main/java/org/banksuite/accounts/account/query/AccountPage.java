package org.banksuite.accounts.account.query;

import java.util.List;

/** A page of a customer's accounts, oldest first; {@code nextCursor} is null on the last page. */
public record AccountPage(List<AccountView> items, String nextCursor) {
}
