package io.legoj.runtime.arrays;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Crossing between rewritten code, whose primitive arrays are handles (and whose {@code T[][]} are
 * JVM arrays of handles), and code that is not rewritten, which takes and returns JVM arrays. Like
 * JNI's {@code Get/Release<Type>ArrayElements}: a local-mode array is passed as it is, a remote one
 * as a copy that is written back after the call.
 */
public final class ArrayBoundary {
    /** JVM array class for a handle class or an array of them; any other class maps to itself. */
    private static final ClassValue<Class<?>> JVM_CLASS = new ClassValue<>() {
        @Override
        protected Class<?> computeValue(Class<?> c) {
            for (Kind k : Kind.values()) {
                if (c == handleClass(k)) {
                    return k.jvmClass;
                }
            }
            return c.isArray() ? jvmClassOf(c.getComponentType()).arrayType() : c;
        }
    };
    /** Inverse of {@link #JVM_CLASS}. */
    private static final ClassValue<Class<?>> HANDLE_CLASS = new ClassValue<>() {
        @Override
        protected Class<?> computeValue(Class<?> c) {
            Kind k = Kind.of(c);
            if (k != null) {
                return handleClass(k);
            }
            return c.isArray() ? handleClassOf(c.getComponentType()).arrayType() : c;
        }
    };

    /**
     * The handle of each JVM array that crossed the boundary as a pinned argument or a result, so that
     * the same JVM array always comes back as the same handle (identity, monitor); weak both ways.
     */
    private static final Map<Object, WeakReference<PrimitiveArray>> HANDLES = new WeakHashMap<>();

    private ArrayBoundary() {
    }

    static Class<?> handleClass(Kind k) {
        return switch (k) {
            case BOOLEAN -> BooleanArray.class;
            case BYTE -> ByteArray.class;
            case SHORT -> ShortArray.class;
            case CHAR -> CharArray.class;
            case INT -> IntArray.class;
            case LONG -> LongArray.class;
            case FLOAT -> FloatArray.class;
            case DOUBLE -> DoubleArray.class;
        };
    }

    /** {@code int[].class} for {@code IntArray.class}, {@code int[][].class} for {@code IntArray[].class}. */
    public static Class<?> jvmClassOf(Class<?> c) {
        return JVM_CLASS.get(c);
    }

    /** {@code IntArray.class} for {@code int[].class}, and so on. */
    public static Class<?> handleClassOf(Class<?> c) {
        return HANDLE_CLASS.get(c);
    }

    /** {@code o.getClass()} as the plain program sees it: the JVM array class for a handle. */
    public static Class<?> classOf(Object o) {
        Class<?> c = o.getClass();
        return c.isArray() || o instanceof PrimitiveArray ? JVM_CLASS.get(c) : c;
    }

    /**
     * What {@code String.valueOf(o)} gives in the plain program: an array of arrays, a JVM array of
     * handles here, is named by its plain class ({@code [[I@1b6d3586}), not by its handles'.
     */
    public static String displayString(Object o) {
        if (o instanceof Object[] a && isHandleArray(a)) {
            return classOf(o).getName() + "@" + Integer.toHexString(o.hashCode());
        }
        return String.valueOf(o);
    }

    /**
     * Before an {@code aastore} of a value that may be a handle: one the array cannot hold fails here,
     * with the plain program's class in the message where the JVM would name the handle's
     * ({@code [J}, not {@code LongArray}), thrown as from the caller. Everything else, a null array
     * included, is left to the {@code aastore} itself.
     */
    public static void checkStore(Object[] array, Object value) {
        if (array != null && (value instanceof PrimitiveArray || value instanceof Object[] a && isHandleArray(a))
                && !array.getClass().getComponentType().isInstance(value)) {
            ArrayStoreException e = new ArrayStoreException(classOf(value).getName());
            StackTraceElement[] trace = e.getStackTrace();
            e.setStackTrace(java.util.Arrays.copyOfRange(trace, 1, trace.length));
            throw e;
        }
    }

    /** {@code o instanceof T} for an array type {@code T} of the plain program; also {@code type.isInstance(o)}. */
    public static boolean isInstance(Object o, Class<?> type) {
        return o != null && type.isAssignableFrom(classOf(o));
    }

    /**
     * {@code (T) o} for an array type {@code T} of the plain program: the value as rewritten code
     * holds it. A JVM array that reached rewritten code through {@code Object} (reflection, a
     * collection filled by JDK code, deserialization) is wrapped.
     */
    public static Object cast(Object o, Class<?> type) {
        if (o == null) {
            return null;
        }
        Class<?> c = classOf(o);
        if (!type.isAssignableFrom(c)) {
            throw new ClassCastException("class " + c.getName() + " cannot be cast to class " + type.getName());
        }
        return wrap(o);
    }

    /** {@code type.cast(o)}, as {@link Class#cast} fails. */
    public static Object classCast(Object o, Class<?> type) {
        if (o != null && !type.isAssignableFrom(classOf(o))) {
            throw new ClassCastException("Cannot cast " + classOf(o).getName() + " to " + type.getName());
        }
        return wrap(o);
    }

    /** The JVM form of a value of rewritten code, for code that is not rewritten. */
    public static Object toJvm(Object v) {
        if (v instanceof PrimitiveArray a) {
            Object local = a.local();
            return local != null ? local : copyOut(a);
        }
        if (v instanceof Object[] handles && isHandleArray(handles)) {
            Object[] jvm = (Object[]) java.lang.reflect.Array.newInstance(jvmClassOf(handles.getClass().getComponentType()),
                    handles.length);
            for (int i = 0; i < handles.length; i++) {
                jvm[i] = toJvm(handles[i]);
            }
            return jvm;
        }
        return v;
    }

    /**
     * {@link #toJvm} for a callee that touches elements {@code [off, off + len)} only (a stream's
     * {@code read(b, off, len)}): a remote array's JVM form has its length but only that range copied.
     * A range that is not within the array gets the whole array, so the callee fails as it would.
     */
    public static Object toJvmRange(Object v, int off, int len) {
        if (!(v instanceof PrimitiveArray a) || a.local() != null || !within(a, off, len)) {
            return toJvm(v);
        }
        Kind k = a.kind();
        Object jvm = k.newJvmArray(a.length);
        ArrayMemory.get().cache.copyOut(a.address + ((long) off << k.shift), jvm, k.base + ((long) off << k.shift),
                (long) len << k.shift);
        return jvm;
    }

    /** {@link #release} of what {@link #toJvmRange} gave. */
    public static void releaseRange(Object v, Object jvm, int off, int len) {
        if (!(v instanceof PrimitiveArray a) || a.local() != null || !within(a, off, len)) {
            release(v, jvm);
            return;
        }
        Kind k = a.kind();
        ArrayMemory.get().cache.copyIn(jvm, k.base + ((long) off << k.shift), a.address + ((long) off << k.shift),
                (long) len << k.shift);
    }

    private static boolean within(PrimitiveArray a, int off, int len) {
        return off >= 0 && len >= 0 && (long) off + len <= a.length;
    }

    /** After the call: what the callee wrote to {@code jvm}, the form {@link #toJvm} gave, goes back. */
    public static void release(Object v, Object jvm) {
        if (v instanceof PrimitiveArray a) {
            Object local = a.local();
            if (local == jvm) {
                return;
            }
            if (local != null) {
                System.arraycopy(jvm, 0, local, 0, a.length);
            } else {
                ArrayMemory.get().cache.copyIn(jvm, a.kind().base, a.address, (long) a.length << a.kind().shift);
            }
            return;
        }
        if (v instanceof Object[] handles && isHandleArray(handles)) {
            Object[] out = (Object[]) jvm;
            for (int i = 0; i < handles.length; i++) {
                Object h = handles[i];
                Object j = out[i];
                if (h != null && j != null && classOf(h) == j.getClass()
                        && java.lang.reflect.Array.getLength(j) == lengthOf(h)) {
                    release(h, j);
                } else {
                    handles[i] = wrap(j);
                }
            }
        }
    }

    private static int lengthOf(Object handle) {
        return handle instanceof PrimitiveArray a ? a.length : ((Object[]) handle).length;
    }

    /**
     * For a callee that keeps the array: its JVM form, which becomes its home for good; when the
     * callee hands it back ({@code ByteBuffer.array()}), {@link #wrap} finds the same handle.
     */
    public static Object pin(Object v) {
        if (v instanceof PrimitiveArray a) {
            Object local;
            synchronized (a) {
                a.movable = false;
                local = a.local();
                if (local == null) {
                    local = copyOut(a);
                    a.pinTo(local);
                }
            }
            synchronized (HANDLES) {
                HANDLES.put(local, new WeakReference<>(a));
            }
            return local;
        }
        return toJvm(v);
    }

    /** {@link #pin} for an array handle; any other object as it is (an {@code Unsafe} or method handle argument). */
    public static Object pinHandle(Object v) {
        return v instanceof PrimitiveArray ? pin(v) : v;
    }

    /** The handle of JVM array {@code jvm}: the one it had, else a new one in local mode. */
    private static PrimitiveArray handleOf(Object jvm) {
        synchronized (HANDLES) {
            WeakReference<PrimitiveArray> ref = HANDLES.get(jvm);
            PrimitiveArray h = ref == null ? null : ref.get();
            if (h == null) {
                h = wrapLocal(jvm);
                HANDLES.put(jvm, new WeakReference<>(h));
            }
            return h;
        }
    }

    /**
     * A JVM array from code that is not rewritten, as rewritten code holds it (sharing its elements);
     * the same JVM array gives the same handle each time.
     */
    public static Object wrap(Object jvm) {
        if (jvm == null || !jvm.getClass().isArray()) {
            return jvm;
        }
        Class<?> c = jvm.getClass();
        Class<?> h = handleClassOf(c);
        if (h == c) {
            return jvm;
        }
        if (Kind.of(c) != null) {
            return handleOf(jvm);
        }
        Object[] in = (Object[]) jvm;
        Object[] out = (Object[]) java.lang.reflect.Array.newInstance(h.getComponentType(), in.length);
        for (int i = 0; i < in.length; i++) {
            out[i] = wrap(in[i]);
        }
        return out;
    }

    /**
     * A new JVM array that a JDK method returned and keeps no reference to ({@code readNBytes},
     * {@code getBytes}, ...): placed as a new array of its size would be, remote when large.
     */
    public static Object wrapFresh(Object jvm) {
        Kind k = jvm == null ? null : Kind.of(jvm.getClass());
        if (k == null) {
            return wrap(jvm);
        }
        int length = java.lang.reflect.Array.getLength(jvm);
        ArrayMemory memory = ArrayMemory.get();
        if (memory.staysLocal(k, length)) {
            PrimitiveArray a = wrapLocal(jvm);
            a.movable = true;
            return a;
        }
        PrimitiveArray a = memory.create(k, length);
        memory.cache.copyIn(jvm, k.base, a.address, (long) length << k.shift);
        return a;
    }

    static PrimitiveArray wrapLocal(Object jvm) {
        return switch (Kind.of(jvm.getClass())) {
            case BOOLEAN -> new BooleanArray((boolean[]) jvm);
            case BYTE -> new ByteArray((byte[]) jvm);
            case SHORT -> new ShortArray((short[]) jvm);
            case CHAR -> new CharArray((char[]) jvm);
            case INT -> new IntArray((int[]) jvm);
            case LONG -> new LongArray((long[]) jvm);
            case FLOAT -> new FloatArray((float[]) jvm);
            case DOUBLE -> new DoubleArray((double[]) jvm);
        };
    }

    private static boolean isHandleArray(Object[] a) {
        return jvmClassOf(a.getClass()) != a.getClass();
    }

    private static Object copyOut(PrimitiveArray a) {
        Kind k = a.kind();
        Object jvm = k.newJvmArray(a.length);
        ArrayMemory.get().cache.copyOut(a.address, jvm, k.base, (long) a.length << k.shift);
        return jvm;
    }
}
