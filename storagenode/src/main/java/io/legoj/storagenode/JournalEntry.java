package io.legoj.storagenode;

import io.legoj.protocol.journal.QueueJournal;
import java.nio.ByteBuffer;
import net.openhft.chronicle.bytes.Bytes;

/**
 * One mutation of one application's files, in the absolute form that can be applied again without
 * harm: an append is journaled as a write at the offset it got, a create as "make sure it exists"
 * (and empty with {@code flag}). {@link #ABORT} says that the application's previous entry failed
 * and was not applied.
 *
 * <p>Encoding (raw bytes of one Chronicle Queue document): {@code u8 op | utf8 app | utf8 path |
 * utf8 other | s64 value | u8 flag | u32 n | n data bytes}.
 *
 * @param value the offset of a write, the length of a set-length
 * @param flag truncate (create), parents (mkdir), replace existing (rename)
 * @param data the bytes of a write, positioned at what to write (a view: not copied)
 */
record JournalEntry(byte op, String app, String path, String other, long value, boolean flag, ByteBuffer data) {
    static final byte WRITE = 1;
    static final byte SET_LENGTH = 2;
    static final byte CREATE = 3;
    static final byte DELETE = 4;
    static final byte MKDIR = 5;
    static final byte RENAME = 6;
    static final byte ABORT = 7;

    private static final ByteBuffer NONE = ByteBuffer.allocate(0);

    static JournalEntry write(String app, String path, long offset, ByteBuffer data) {
        return new JournalEntry(WRITE, app, path, "", offset, false, data);
    }

    static JournalEntry setLength(String app, String path, long length) {
        return new JournalEntry(SET_LENGTH, app, path, "", length, false, NONE);
    }

    static JournalEntry create(String app, String path, boolean truncate) {
        return new JournalEntry(CREATE, app, path, "", 0, truncate, NONE);
    }

    static JournalEntry delete(String app, String path) {
        return new JournalEntry(DELETE, app, path, "", 0, false, NONE);
    }

    static JournalEntry mkdir(String app, String path, boolean parents) {
        return new JournalEntry(MKDIR, app, path, "", 0, parents, NONE);
    }

    static JournalEntry rename(String app, String from, String to, boolean replace) {
        return new JournalEntry(RENAME, app, from, to, 0, replace, NONE);
    }

    static JournalEntry abort(String app) {
        return new JournalEntry(ABORT, app, "", "", 0, false, NONE);
    }

    /** Bytes this entry takes in the journal, about. */
    long size() {
        return 16L + app.length() + path.length() + other.length() + data.remaining();
    }

    void writeTo(Bytes<?> out) {
        out.writeByte(op);
        out.writeUtf8(app);
        out.writeUtf8(path);
        out.writeUtf8(other);
        out.writeLong(value);
        out.writeByte((byte) (flag ? 1 : 0));
        out.writeInt(data.remaining());
        QueueJournal.write(out, data);
    }

    static JournalEntry readFrom(Bytes<?> in) {
        byte op = in.readByte();
        String app = in.readUtf8();
        String path = in.readUtf8();
        String other = in.readUtf8();
        long value = in.readLong();
        boolean flag = in.readByte() != 0;
        int n = in.readInt();
        if (op < WRITE || op > ABORT || n < 0 || n > in.readRemaining() || app == null || path == null || other == null) {
            throw new IllegalStateException("corrupt journal entry: op " + op + ", " + n + " data bytes of "
                    + in.readRemaining());
        }
        ByteBuffer data = ByteBuffer.allocate(n);
        in.read(data);
        data.flip();
        return new JournalEntry(op, app, path, other, value, flag, data);
    }

    @Override
    public String toString() {
        return "JournalEntry[op=" + op + ", app=" + app + ", path=" + path + ", other=" + other + ", value=" + value
                + ", flag=" + flag + ", data=" + data.remaining() + " bytes]";
    }
}
