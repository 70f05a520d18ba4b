package corpus;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/** Field reflection, method handles on fields and atomic field updaters on objects. */
public final class Reflective {
    private Reflective() {
    }

    static final class Bean {
        private int count = 3;
        long total = 10;
        short small = 2;
        String label = "bean";
        final double ratio = 0.5;
        volatile int hits;
        volatile long bytes;
        volatile String state = "new";
    }

    private static final AtomicIntegerFieldUpdater<Bean> HITS = AtomicIntegerFieldUpdater.newUpdater(Bean.class, "hits");
    private static final AtomicLongFieldUpdater<Bean> BYTES = AtomicLongFieldUpdater.newUpdater(Bean.class, "bytes");
    private static final AtomicReferenceFieldUpdater<Bean, String> STATE =
            AtomicReferenceFieldUpdater.newUpdater(Bean.class, String.class, "state");

    public static String run() throws Throwable {
        List<String> out = new ArrayList<>();
        Bean b = new Bean();
        Field count = Bean.class.getDeclaredField("count");
        out.add("count=" + count.getInt(b) + " get=" + count.get(b) + " asLong=" + count.getLong(b));
        count.setInt(b, 42);
        out.add("after setInt: " + b.count);
        Field small = Bean.class.getDeclaredField("small");
        small.set(b, (short) 7);
        out.add("small=" + b.small + " asInt=" + small.getInt(b));
        Field label = Bean.class.getDeclaredField("label");
        label.set(b, "relabelled");
        out.add("label=" + b.label + " via get=" + label.get(b));
        try {
            label.set(b, 5);
        } catch (IllegalArgumentException e) {
            out.add("IllegalArgumentException");
        }
        Field ratio = Bean.class.getDeclaredField("ratio");
        try {
            ratio.setDouble(b, 2.0);
        } catch (IllegalAccessException e) {
            out.add("IllegalAccessException on final");
        }
        out.add("ratio=" + ratio.getDouble(b));
        MethodHandle getTotal = MethodHandles.lookup().findGetter(Bean.class, "total", long.class);
        MethodHandle setTotal = MethodHandles.lookup().findSetter(Bean.class, "total", long.class);
        setTotal.invoke(b, 99L);
        out.add("total=" + (long) getTotal.invoke(b) + " field=" + b.total);
        MethodHandle unreflected = MethodHandles.lookup().unreflectGetter(label);
        out.add("unreflected=" + unreflected.invoke(b));
        HITS.incrementAndGet(b);
        HITS.addAndGet(b, 5);
        BYTES.compareAndSet(b, 0, 4096);
        STATE.compareAndSet(b, "new", "done");
        out.add("hits=" + b.hits + " bytes=" + b.bytes + " state=" + b.state + " cas-miss=" + STATE.compareAndSet(b, "new", "x"));
        return String.join("\n", out);
    }
}
