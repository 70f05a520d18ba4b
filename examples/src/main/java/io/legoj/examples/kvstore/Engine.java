package io.legoj.examples.kvstore;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Runs commands one at a time against the store (connections share it under this object's lock)
 * and appends those that changed it to the AOF, which is written at the end of each batch.
 */
final class Engine {
    private final Store store;
    private final CommandTable commands;
    private Aof aof;

    Engine(Store store, CommandTable commands) {
        this.store = store;
        this.commands = commands;
    }

    Store store() {
        return store;
    }

    /** From now on, changes go to {@code aof}. */
    synchronized void logTo(Aof aof) {
        this.aof = aof;
    }

    /** Runs one command, writing its reply to {@code out}; returns true when the client asked to quit. */
    synchronized boolean execute(List<byte[]> args, RespWriter out) {
        Call call = new Call(args, store, out, aof != null);
        long before = store.dirty();
        commands.execute(call);
        if (aof != null && store.dirty() != before) {
            call.propagated().forEach(aof::append);
        }
        return call.quit;
    }

    /** Writes the AOF of the commands run since the last batch ended. */
    synchronized void endBatch() {
        if (aof == null) {
            return;
        }
        try {
            aof.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the append-only file", e);
        }
    }

    /** Writes what is left of the AOF and closes it; later changes are not logged. */
    synchronized void closeAof() throws IOException {
        if (aof != null) {
            Aof a = aof;
            aof = null;
            a.close();
        }
    }

    /** Runs the commands of {@code aof} without logging them and returns how many there were. */
    int replay(java.io.File file) throws IOException {
        RespWriter sink = new RespWriter(OutputStream.nullOutputStream());
        return Aof.replay(file, cmd -> execute(cmd, sink));
    }
}
