package io.legoj.storagenode;

import io.legoj.protocol.journal.QueueJournal;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The storage node's write-ahead journal: {@link JournalEntry}s in a {@link QueueJournal} (a
 * Chronicle Queue per generation; a checkpoint rolls to a new generation and, once the files the
 * old one changed are forced, commits it, which deletes the older ones). Entries survive the death
 * of the process as soon as they are appended; {@link #sync()} also makes them survive the machine's.
 */
final class Journal implements AutoCloseable {
    private final QueueJournal queue;

    /** Opens (or creates) the journal in {@code dir}; appending starts after the first {@link #roll()}. */
    Journal(Path dir, long blockSize) {
        this.queue = new QueueJournal(dir, blockSize);
    }

    /** Sends every entry after the last checkpoint, in journal order, to {@code sink}; returns how many. */
    long replay(Consumer<JournalEntry> sink) {
        return queue.replay(in -> sink.accept(JournalEntry.readFrom(in)));
    }

    void append(JournalEntry e) {
        queue.append(e::writeTo);
    }

    /** Makes what was appended so far survive a crash of the machine. */
    void sync() {
        queue.sync();
    }

    long bytesSinceRoll() {
        return queue.bytesSinceRoll();
    }

    long lastIndex() {
        return queue.lastIndex();
    }

    /** Starts a new generation for the entries to come; returns its number, for {@link #commit}. */
    int roll() {
        return queue.roll();
    }

    /** Records that everything before generation {@code g} is applied and forced, then deletes the older generations. */
    void commit(int g) {
        queue.commit(g);
    }

    /** Bytes of the journal's files (as their sizes say; the queue's files are sparse). */
    long diskBytes() {
        return queue.diskBytes();
    }

    @Override
    public void close() {
        queue.close();
    }
}
