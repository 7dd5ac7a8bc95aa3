package org.banksuite.adapter.operationlog;

import java.util.List;

/** A page of operations, newest first; {@code nextCursor} is null on the last page. */
public record OperationPage(List<LoggedOperation> items, String nextCursor) {
}
