package io.legoj.memnode;

import io.legoj.protocol.PageBatch;

/**
 * Where an {@link AppSpace} records each change of its state before the change is acknowledged:
 * the {@link PageJournal}, or {@link #NONE} for a node without a journal. A method that returns has
 * made the change durable (as the journal defines it); one that throws has recorded nothing, and the
 * caller then leaves its state unchanged. Called under the monitor of the space, so the changes of
 * one application are recorded in the order they are applied.
 */
interface ChangeLog {
    /** Records nothing: the node keeps its pages only in memory. */
    ChangeLog NONE = new ChangeLog() {
    };

    /** Region {@code [base, base + size)} was added to application {@code app}, whose pages have {@code pageSize} bytes. */
    default void allocated(String app, int pageSize, long base, long size) {
    }

    /** The region of {@code app} that starts at {@code base} was dropped with all its pages. */
    default void freed(String app, int pageSize, long base) {
    }

    /** The write pages of {@code batch} (at least one) were written, in order. The batch is not retained. */
    default void written(String app, int pageSize, PageBatch batch) {
    }

    /** Every page and region of {@code app} was dropped (its lease expired). */
    default void released(String app, int pageSize) {
    }
}
