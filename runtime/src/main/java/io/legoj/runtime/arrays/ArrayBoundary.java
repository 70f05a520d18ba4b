package io.legoj.runtime.arrays;

import io.legoj.runtime.arrays.types.ArrayTypeMarkers;
import java.lang.ref.WeakReference;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Crossing between rewritten code, whose primitive arrays are handles (and whose reference arrays
 * are JVM arrays of handles or {@link RefArray}s), and code that is not rewritten, which takes and
 * returns JVM arrays. Like JNI's {@code Get/Release<Type>ArrayElements}: a local-mode array is
 * passed as it is, a remote one as a copy that is written back after the call.
 */
public final class ArrayBoundary {
    /**
     * JVM array class for a handle class, an array of them or a marker (a rewritten declaration's
     * reference-array type); any other class maps to itself.
     */
    private static final ClassValue<Class<?>> JVM_CLASS = new ClassValue<>() {
        @Override
        protected Class<?> computeValue(Class<?> c) {
            for (Kind k : Kind.values()) {
                if (c == handleClass(k)) {
                    return k.jvmClass;
                }
            }
            if (c.isInterface() && ArrayTypeMarkers.isMarker(c.getName().replace('.', '/'))) {
                return ArrayTypeMarkers.plainClass(c);
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
     * A RefArray is found by the JVM array it was pinned to.
     */
    private static final Map<Object, WeakReference<Object>> HANDLES = new WeakHashMap<>();
    /** Set once a RefArray was pinned: until then, a JVM reference array from the JDK is no pinned one. */
    private static volatile boolean refArraysPinned;

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

    /**
     * The type rewritten declarations give a plain class: {@code IntArray} for {@code int[]}, the
     * marker of a reference-array class ({@code String[]}, {@code int[][]}), else the class itself.
     */
    public static Class<?> declaredTypeOf(Class<?> plain) {
        if (!plain.isArray()) {
            return plain;
        }
        Kind k = Kind.of(plain);
        return k != null ? handleClass(k) : ArrayTypeMarkers.markerClass(plain);
    }

    /** {@code IntArray.class} for {@code int[].class}, and so on. */
    public static Class<?> handleClassOf(Class<?> c) {
        return HANDLE_CLASS.get(c);
    }

    /** {@code o.getClass()} as the plain program sees it: the JVM array class for a handle. */
    public static Class<?> classOf(Object o) {
        if (o instanceof RefArray r) {
            return r.type;
        }
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
     * ({@code [J}, not {@code LongArray}), thrown as from the caller (see {@link #storeFailure} for a
     * RefArray the plain array could hold). Everything else, a null array included, is left to the
     * {@code aastore} itself.
     */
    public static void checkStore(Object[] array, Object value) {
        if (array != null && isHandle(value) && !array.getClass().getComponentType().isInstance(value)) {
            RuntimeException e = storeFailure(array, value);
            StackTraceElement[] trace = e.getStackTrace();
            e.setStackTrace(java.util.Arrays.copyOfRange(trace, 2, trace.length));
            throw e;
        }
    }

    /**
     * Why JVM array {@code array} cannot hold {@code value}: the plain program's
     * {@link ArrayStoreException} when its array could not either, else an
     * {@link UnsupportedOperationException} (a RefArray into a {@code String[][]} that JDK code made).
     */
    static RuntimeException storeFailure(Object[] array, Object value) {
        Class<?> plain = classOf(value);
        if (!classOf(array).getComponentType().isAssignableFrom(plain)) {
            return new ArrayStoreException(plain.getName());
        }
        return new UnsupportedOperationException("LegoJ: this " + classOf(array).getTypeName()
                + " is a JVM array made by JDK code, which cannot hold the " + plain.getTypeName() + " stored (a LegoJ "
                + value.getClass().getSimpleName() + "), though the plain program could store it there");
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
            throw new ClassCastException(castMessage(c, type));
        }
        return wrap(o);
    }

    /** The JVM's message for a failed {@code checkcast}, with where both classes come from. */
    static String castMessage(Class<?> from, Class<?> to) {
        String f = origin(from);
        String t = origin(to);
        return "class " + from.getName() + " cannot be cast to class " + to.getName() + " (" + (f.equals(t)
                ? from.getName() + " and " + to.getName() + " are in " + f
                : from.getName() + " is in " + f + "; " + to.getName() + " is in " + t) + ")";
    }

    /** {@code module java.base of loader 'bootstrap'}, {@code unnamed module of loader 'app'}, as the JVM says it. */
    private static String origin(Class<?> c) {
        Module m = c.getModule();
        ClassLoader l = c.getClassLoader();
        String loader = l == null ? "'bootstrap'"
                : l == ClassLoader.getSystemClassLoader() || l == ClassLoader.getPlatformClassLoader() ? "'" + l.getName() + "'"
                : (l.getName() != null ? "'" + l.getName() + "'" : l.getClass().getName()) + " @"
                        + Integer.toHexString(System.identityHashCode(l));
        return (m.isNamed() ? "module " + m.getName() : "unnamed module") + " of loader " + loader;
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
        return toJvm(v, null);
    }

    /**
     * {@link #toJvm}, where {@code done} maps each RefArray converted so far to its JVM form (made on
     * first need), so that one reached twice, or from within itself, stays one array.
     */
    private static Object toJvm(Object v, Map<Object, Object> done) {
        if (v instanceof PrimitiveArray a) {
            Object local = a.local();
            return local != null ? local : copyOut(a);
        }
        if (v instanceof RefArray r) {
            if (r.local != null && isJvmForm(r.local)) {
                return r.local;
            }
            Map<Object, Object> seen = done != null ? done : new IdentityHashMap<>();
            Object converted = seen.get(r);
            if (converted != null) {
                return converted;
            }
            Object[] jvm = (Object[]) java.lang.reflect.Array.newInstance(r.type.getComponentType(), r.length);
            seen.put(r, jvm);
            for (int i = 0; i < jvm.length; i++) {
                jvm[i] = toJvm(r.get(i), seen);
            }
            return jvm;
        }
        if (v instanceof Object[] handles && isHandleArray(handles)) {
            Object[] jvm = (Object[]) java.lang.reflect.Array.newInstance(jvmClassOf(handles.getClass().getComponentType()),
                    handles.length);
            for (int i = 0; i < handles.length; i++) {
                jvm[i] = toJvm(handles[i], done);
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

    /**
     * The one-dimensional array at the bottom of array class {@code c} ({@code int[]} for {@code int[][]}),
     * or its element class when that is a reference.
     */
    private static Class<?> bottom(Class<?> c) {
        while (c.getComponentType() != null && c.getComponentType().isArray()) {
            c = c.getComponentType();
        }
        return c;
    }

    /**
     * {@link #pin} for JDK code that keeps a reference array and takes its elements as objects
     * ({@code Arrays.asList}): a JVM array is kept as it is, elements and all.
     */
    public static Object pinElements(Object v) {
        if (!(v instanceof RefArray r)) {
            return v;
        }
        Object[] local;
        synchronized (r) {
            local = r.local;
            // a small array of reference arrays is born local in an Object[], which becomes one of its class
            if (local == null || local.getClass().getComponentType() != handleClassOf(r.type.getComponentType())) {
                local = jvmHome(r);
                r.local = local;
            }
        }
        synchronized (HANDLES) {
            HANDLES.put(local, new WeakReference<>(r));
        }
        refArraysPinned = true;
        return local;
    }

    /** After the call: what the callee wrote to {@code jvm}, the form {@link #toJvm} gave, goes back. */
    public static void release(Object v, Object jvm) {
        release(v, jvm, null);
    }

    /** {@link #release}, where {@code done} holds the RefArrays written back so far (as {@link #toJvm}'s). */
    private static void release(Object v, Object jvm, Map<Object, Object> done) {
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
        if (v instanceof RefArray r) {
            Map<Object, Object> seen = done != null ? done : new IdentityHashMap<>();
            if (r.local == jvm || seen.put(r, jvm) != null) {
                return;
            }
            Object[] out = (Object[]) jvm;
            for (int i = 0; i < out.length; i++) {
                Object h = r.get(i);
                Object j = out[i];
                if (isJvmFormOf(j, h)) {
                    release(h, j, seen);
                } else if (j != h) {
                    r.set(i, wrap(j));
                }
            }
            return;
        }
        if (v instanceof Object[] handles && isHandleArray(handles)) {
            Object[] out = (Object[]) jvm;
            for (int i = 0; i < handles.length; i++) {
                if (isJvmFormOf(out[i], handles[i])) {
                    release(handles[i], out[i], done);
                } else {
                    handles[i] = wrap(out[i]);
                }
            }
        }
    }

    /** Whether a pinned or born-local RefArray's home is a JVM form already: no element has another. */
    private static boolean isJvmForm(Object[] local) {
        for (Object e : local) {
            if (isHandle(e)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code j}, what a callee left in a JVM form, still stands for handle {@code h}: same class and length. */
    private static boolean isJvmFormOf(Object j, Object h) {
        return isHandle(h) && j != null && classOf(h) == j.getClass()
                && java.lang.reflect.Array.getLength(j) == lengthOf(h);
    }

    private static int lengthOf(Object handle) {
        return handle instanceof PrimitiveArray a ? a.length : RefArrays.length(handle);
    }

    /**
     * For a callee that keeps the array: its JVM form, which becomes its home for good; when the
     * callee hands it back ({@code ByteBuffer.array()}), {@link #wrap} finds the same handle.
     */
    public static Object pin(Object v) {
        if (v instanceof RefArray r && Kind.of(bottom(r.type)) == null) {
            return pinElements(r);
        }
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

    /**
     * A JVM array holding a RefArray's elements as rewritten code holds them, for JDK code that takes
     * them as objects (a generic {@code T[]}, {@code Object[]}, {@code String[]}): the JVM array of
     * its plain class, or of its handle class ({@code IntArray[]} for an {@code int[][]}), or an
     * {@code Object[]} when its elements are reference arrays, which may be JVM arrays or RefArrays.
     */
    private static Object[] jvmHome(RefArray r) {
        Object[] jvm = (Object[]) java.lang.reflect.Array.newInstance(handleClassOf(r.type.getComponentType()), r.length);
        for (int i = 0; i < jvm.length; i++) {
            jvm[i] = homeElement(r.get(i));
        }
        return jvm;
    }

    /**
     * An element as a JVM home holds it: a RefArray row of an array of reference arrays is pinned
     * too, so that its JVM array, of the plain class, can hold it (JDK code may check that class).
     */
    static Object homeElement(Object e) {
        return e instanceof RefArray row ? pinElements(row) : e;
    }

    /**
     * For JDK code that takes a reference array's elements as objects: a JVM array as it is, a RefArray's
     * elements in a JVM array ({@link #jvmHome}), written back by {@link #releaseElements} after the call.
     */
    public static Object toJvmElements(Object v) {
        if (v instanceof RefArray r) {
            Object[] local = r.local;
            return local != null ? local : jvmHome(r);
        }
        return v;
    }

    /** After a call that was given {@link #toJvmElements}: the elements the callee stored go back. */
    public static void releaseElements(Object v, Object jvm) {
        if (v instanceof RefArray r && r.local != jvm) {
            Object[] out = (Object[]) jvm;
            for (int i = 0; i < out.length; i++) {
                if (out[i] != r.get(i)) {
                    r.set(i, out[i]);
                }
            }
        }
    }

    /** {@link #pin} for an array handle; any other object as it is (an {@code Unsafe} or method handle argument). */
    public static Object pinHandle(Object v) {
        return v instanceof PrimitiveArray || v instanceof RefArray ? pin(v) : v;
    }

    /** The handle of JVM array {@code jvm}: the one it had, else a new one in local mode. */
    private static PrimitiveArray handleOf(Object jvm) {
        synchronized (HANDLES) {
            WeakReference<Object> ref = HANDLES.get(jvm);
            PrimitiveArray h = ref == null ? null : (PrimitiveArray) ref.get();
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
            return refArraysPinned ? pinnedOwner(jvm) : jvm;
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

    /** The RefArray whose elements {@code jvm} holds since it was pinned (while it lives), else {@code jvm}. */
    private static Object pinnedOwner(Object jvm) {
        synchronized (HANDLES) {
            WeakReference<Object> ref = HANDLES.get(jvm);
            Object owner = ref == null ? null : ref.get();
            return owner != null ? owner : jvm;
        }
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

    /** Whether {@code v} is an array whose JVM form ({@link #toJvm}) is another object. */
    private static boolean isHandle(Object v) {
        return v instanceof PrimitiveArray || v instanceof RefArray || v instanceof Object[] a && isHandleArray(a);
    }

    private static Object copyOut(PrimitiveArray a) {
        Kind k = a.kind();
        Object jvm = k.newJvmArray(a.length);
        ArrayMemory.get().cache.copyOut(a.address, jvm, k.base, (long) a.length << k.shift);
        return jvm;
    }
}
