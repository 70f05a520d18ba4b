package io.legoj.runtime.objects;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * Field reflection from rewritten code, routed here by the agent. The original operation runs first,
 * in a synthetic method of the calling class (these methods are caller sensitive), so access checks,
 * argument checks, conversions and exceptions are exactly the JDK's; then, for an instance field of
 * a remote class, the value is read from or moved to remote memory. Method and var handle lookups
 * carry their caller in the {@code Lookup} and are routed directly.
 */
public final class Reflection {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final Map<Field, MethodHandle> GETTERS = new ConcurrentHashMap<>();
    private static final Map<Field, MethodHandle> MOVERS = new ConcurrentHashMap<>();

    private Reflection() {
    }

    private static Object remoteGet(Field f, Object o) throws Throwable {
        return GETTERS.computeIfAbsent(f, Reflection::boxedGetter).invoke(o);
    }

    private static MethodHandle boxedGetter(Field f) {
        try {
            return FieldLinker.remoteGetter(f).asType(MethodType.methodType(Object.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + f + " in remote memory", e);
        }
    }

    /** Moves what the checked store left in the handle's own field to remote memory, and clears it there. */
    private static MethodHandle mover(Field f) {
        try {
            Field own = f.getDeclaringClass().getDeclaredField(f.getName());
            own.setAccessible(true);
            MethodHandle read = LOOKUP.unreflectGetter(own);
            MethodHandle move = MethodHandles.filterArguments(FieldLinker.remoteSetter(f), 1, read);
            move = MethodHandles.permuteArguments(move, MethodType.methodType(void.class, f.getDeclaringClass()), 0, 0);
            if (!f.getType().isPrimitive()) {
                MethodHandle clear = MethodHandles.insertArguments(LOOKUP.unreflectSetter(own), 1, (Object) null);
                move = MethodHandles.foldArguments(clear, move);
            }
            return move.asType(MethodType.methodType(void.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot write " + f + " in remote memory", e);
        }
    }

    public static Object afterGet(Field f, Object o, Object plain) throws Throwable {
        return FieldLinker.isRemote(f) ? remoteGet(f, o) : plain;
    }

    public static boolean afterGetBoolean(Field f, Object o, boolean plain) throws Throwable {
        return FieldLinker.isRemote(f) ? (Boolean) remoteGet(f, o) : plain;
    }

    public static byte afterGetByte(Field f, Object o, byte plain) throws Throwable {
        return FieldLinker.isRemote(f) ? (Byte) remoteGet(f, o) : plain;
    }

    public static char afterGetChar(Field f, Object o, char plain) throws Throwable {
        return FieldLinker.isRemote(f) ? (Character) remoteGet(f, o) : plain;
    }

    public static short afterGetShort(Field f, Object o, short plain) throws Throwable {
        return FieldLinker.isRemote(f) ? (short) Widening.asLong(remoteGet(f, o)) : plain;
    }

    public static int afterGetInt(Field f, Object o, int plain) throws Throwable {
        return FieldLinker.isRemote(f) ? (int) Widening.asLong(remoteGet(f, o)) : plain;
    }

    public static long afterGetLong(Field f, Object o, long plain) throws Throwable {
        return FieldLinker.isRemote(f) ? Widening.asLong(remoteGet(f, o)) : plain;
    }

    public static float afterGetFloat(Field f, Object o, float plain) throws Throwable {
        if (!FieldLinker.isRemote(f)) {
            return plain;
        }
        Object v = remoteGet(f, o);
        return v instanceof Long l ? (float) (long) l : (float) Widening.asDouble(v);
    }

    public static double afterGetDouble(Field f, Object o, double plain) throws Throwable {
        return FieldLinker.isRemote(f) ? Widening.asDouble(remoteGet(f, o)) : plain;
    }

    /** After any {@code Field.set*} succeeded (checked, converted, stored in the handle's own field). */
    public static void afterSet(Field f, Object o) throws Throwable {
        if (FieldLinker.isRemote(f)) {
            MOVERS.computeIfAbsent(f, Reflection::mover).invokeExact(o);
        }
    }

    public static MethodHandle findGetter(MethodHandles.Lookup lookup, Class<?> refc, String name, Class<?> type)
            throws ReflectiveOperationException {
        return FieldLinker.getter(lookup, lookup.findGetter(refc, name, type));
    }

    public static MethodHandle findSetter(MethodHandles.Lookup lookup, Class<?> refc, String name, Class<?> type)
            throws ReflectiveOperationException {
        MethodHandle plain = lookup.findSetter(refc, name, type);
        return FieldLinker.setter(lookup, plain);
    }

    public static MethodHandle unreflectGetter(MethodHandles.Lookup lookup, Field f) throws ReflectiveOperationException {
        MethodHandle plain = lookup.unreflectGetter(f);
        return FieldLinker.isRemote(f) ? FieldLinker.remoteGetter(f).asType(plain.type()) : plain;
    }

    public static MethodHandle unreflectSetter(MethodHandles.Lookup lookup, Field f) throws ReflectiveOperationException {
        MethodHandle plain = lookup.unreflectSetter(f);
        return FieldLinker.isRemote(f) ? FieldLinker.remoteSetter(f).asType(plain.type()) : plain;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static AtomicIntegerFieldUpdater afterIntUpdater(Class<?> holder, String name, AtomicIntegerFieldUpdater plain)
            throws ReflectiveOperationException {
        Field f = holder.getDeclaredField(name);
        return FieldLinker.isRemote(f) ? new RemoteFieldUpdaters.Ints(f) : plain;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static AtomicLongFieldUpdater afterLongUpdater(Class<?> holder, String name, AtomicLongFieldUpdater plain)
            throws ReflectiveOperationException {
        Field f = holder.getDeclaredField(name);
        return FieldLinker.isRemote(f) ? new RemoteFieldUpdaters.Longs(f) : plain;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static AtomicReferenceFieldUpdater afterRefUpdater(Class<?> holder, String name,
            AtomicReferenceFieldUpdater plain) throws ReflectiveOperationException {
        Field f = holder.getDeclaredField(name);
        return FieldLinker.isRemote(f) ? new RemoteFieldUpdaters.Refs(f, f.getType()) : plain;
    }

    /** {@code Unsafe.objectFieldOffset} of rewritten code: an offset into a handle's unused field would read nothing. */
    public static long objectFieldOffset(sun.misc.Unsafe unsafe, Field f) {
        if (FieldLinker.isRemote(f)) {
            throw unsupported("sun.misc.Unsafe on " + f, f);
        }
        return unsafe.objectFieldOffset(f);
    }

    public static VarHandle findVarHandle(MethodHandles.Lookup lookup, Class<?> recv, String name, Class<?> type)
            throws ReflectiveOperationException {
        VarHandle plain = lookup.findVarHandle(recv, name, type);
        Field f = lookup.revealDirect(lookup.findGetter(recv, name, type)).reflectAs(Field.class, lookup);
        return refuseRemote(f, plain);
    }

    public static VarHandle unreflectVarHandle(MethodHandles.Lookup lookup, Field f) throws ReflectiveOperationException {
        return refuseRemote(f, lookup.unreflectVarHandle(f));
    }

    private static VarHandle refuseRemote(Field f, VarHandle plain) {
        if (FieldLinker.isRemote(f)) {
            throw unsupported("a VarHandle on " + f, f);
        }
        return plain;
    }

    private static UnsupportedOperationException unsupported(String what, Field f) {
        return new UnsupportedOperationException("LegoJ: " + what + " is not supported: the fields of "
                + f.getDeclaringClass().getName() + " live in remote memory; keep that class local with the agent "
                + "option exclude=" + f.getDeclaringClass().getName());
    }
}
