package org.banksuite.adapter.core;

import java.util.List;

/** Entries after a cursor, oldest first, and the cursor to continue from. */
public record CoreEntryPage(List<CoreEntry> entries, String nextCursor) {

    public CoreEntryPage {
        entries = List.copyOf(entries);
    }
}
