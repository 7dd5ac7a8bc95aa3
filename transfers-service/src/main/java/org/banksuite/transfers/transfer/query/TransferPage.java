package org.banksuite.transfers.transfer.query;

import java.util.List;

/** A page of an account's transfers, newest first; {@code nextCursor} is null on the last page. */
public record TransferPage(List<TransferView> items, String nextCursor) {
}
