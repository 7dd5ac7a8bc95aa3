package org.banksuite.accounts.account.query;

import java.util.List;

/** A page of postings, newest first; {@code nextCursor} is null on the last page. */
public record PostingPage(List<PostingView> items, String nextCursor) {
}
