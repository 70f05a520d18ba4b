package io.legoj.runtime.arrays;

import io.legoj.runtime.Heap;
import io.legoj.runtime.PageCache;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the arrays of rewritten code live: arrays of at most {@code localMaxBytes} bytes stay in
 * local mode, larger ones take a block of the remote {@link Heap}, freed when their handle dies.
 * Installed once by the agent (tests install their own).
 */
public final class ArrayMemory {
    private static final Cleaner CLEANER = Cleaner.create();
    private static volatile ArrayMemory installed;

    final Heap heap;
    final PageCache cache;
    final long localMaxBytes;
    private final LongAdder remoteArrays = new LongAdder();
    private final LongAdder remoteBytes = new LongAdder();

    public ArrayMemory(Heap heap, PageCache cache, long localMaxBytes) {
        if (localMaxBytes < 0) {
            throw new IllegalArgumentException("the local array size limit must not be negative, got " + localMaxBytes);
        }
        this.heap = heap;
        this.cache = cache;
        this.localMaxBytes = localMaxBytes;
    }

    public static void install(ArrayMemory memory) {
        installed = memory;
    }

    static ArrayMemory get() {
        ArrayMemory m = installed;
        if (m == null) {
            throw new IllegalStateException("no LegoJ array memory is installed (start the JVM with "
                    + "-javaagent:legoj-agent.jar=arrays=remote,...)");
        }
        return m;
    }

    /** A new zeroed array: local when small, remote otherwise. */
    PrimitiveArray create(Kind kind, int length) {
        if (length < 0) {
            throw new NegativeArraySizeException(String.valueOf(length));
        }
        long bytes = (long) length << kind.shift;
        if (bytes <= localMaxBytes) {
            return ArrayBoundary.wrapLocal(kind.newJvmArray(length));
        }
        long va = heap.allocate(bytes);
        PrimitiveArray a = switch (kind) {
            case BOOLEAN -> new BooleanArray(length, va);
            case BYTE -> new ByteArray(length, va);
            case SHORT -> new ShortArray(length, va);
            case CHAR -> new CharArray(length, va);
            case INT -> new IntArray(length, va);
            case LONG -> new LongArray(length, va);
            case FLOAT -> new FloatArray(length, va);
            case DOUBLE -> new DoubleArray(length, va);
        };
        remoteArrays.increment();
        remoteBytes.add(bytes);
        CLEANER.register(a, new Free(this, va, bytes));
        return a;
    }

    /** Copies {@code bytes} from remote {@code from} to remote {@code to}; the ranges may overlap. */
    void copy(long from, long to, long bytes) {
        int chunk = (int) Math.min(bytes, cache.pageSize());
        byte[] buf = new byte[chunk];
        long base = Kind.BYTE.base;
        if (to > from && to < from + bytes) {
            for (long end = bytes; end > 0; end -= chunk) {
                int n = (int) Math.min(chunk, end);
                cache.copyOut(from + end - n, buf, base, n);
                cache.copyIn(buf, base, to + end - n, n);
            }
            return;
        }
        for (long done = 0; done < bytes; done += chunk) {
            int n = (int) Math.min(chunk, bytes - done);
            cache.copyOut(from + done, buf, base, n);
            cache.copyIn(buf, base, to + done, n);
        }
    }

    /** Live remote arrays and their bytes, for the exit summary. */
    public String summary() {
        return "remote_arrays=" + remoteArrays.sum() + " remote_array_bytes=" + remoteBytes.sum();
    }

    /** Frees an array's block once its handle is unreachable; holds no reference to the handle. */
    private record Free(ArrayMemory memory, long va, long bytes) implements Runnable {
        @Override
        public void run() {
            memory.heap.free(va);
            memory.remoteArrays.decrement();
            memory.remoteBytes.add(-bytes);
        }
    }
}
