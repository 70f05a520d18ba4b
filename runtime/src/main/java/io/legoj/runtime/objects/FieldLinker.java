package io.legoj.runtime.objects;

import io.legoj.runtime.arrays.types.ArrayTypeMarkers;
import io.legoj.runtime.Mmu;
import io.legoj.runtime.Tlb;
import io.legoj.runtime.UnsafeAccess;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.TypeDescriptor;
import java.lang.runtime.ObjectMethods;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * Bootstrap methods of the {@code invokedynamic} instructions that replace {@code GETFIELD} and
 * {@code PUTFIELD} in rewritten code. The field is resolved with the caller's own lookup (so access
 * rules are the JVM's); when the class declaring it keeps its fields remote, the call site reads or
 * writes remote memory at the field's offset, otherwise it is a plain field access.
 */
public final class FieldLinker {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    /** {@code () -> Tlb}: the calling thread's, for accesses that do not come from a linked site (reflection). */
    private static final MethodHandle CURRENT_TLB = currentTlb();
    private static final MethodHandle PLUS = ownStatic("plus", MethodType.methodType(long.class, long.class, long.class));
    private static final MethodHandle IS_ZERO = ownStatic("isZero", MethodType.methodType(boolean.class, long.class));
    private static final MethodHandle IS_NULL = ownStatic("isNull", MethodType.methodType(boolean.class, Object.class));
    private static final MethodHandle DECODE = refs("decode", MethodType.methodType(Object.class, long.class));
    private static final MethodHandle ENCODE = refs("encode", MethodType.methodType(long.class, Object.class));
    /** The fields of a handle, as the agent's {@code RemoteHandleAdder} declares them: its address, its remembered translation. */
    private static final String ADDRESS_FIELD = "$legoj$addr";
    private static final String BASE_FIELD = "$legoj$base";
    private static final String STAMP_FIELD = "$legoj$stamp";

    private static MethodHandle ownStatic(String name, MethodType type) {
        try {
            return LOOKUP.findStatic(FieldLinker.class, name, type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static MethodHandle refs(String name, MethodType type) {
        try {
            return LOOKUP.findStatic(Refs.class, name, type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static MethodHandle currentTlb() {
        try {
            return LOOKUP.findStatic(io.legoj.runtime.Mmu.class, "tlb", MethodType.methodType(Tlb.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private FieldLinker() {
    }

    /** {@code (Owner, Tlb) -> T}: the site passes its method's {@link Tlb}. */
    public static CallSite get(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner)
            throws ReflectiveOperationException {
        MethodHandle plain = caller.findGetter(owner, name, type.returnType());
        Field field = caller.revealDirect(plain).reflectAs(Field.class, caller);
        MethodHandle target = isRemote(field) ? tlbAccess("get", field, 1) : MethodHandles.dropArguments(plain, 1, Tlb.class);
        return new ConstantCallSite(target.asType(type));
    }

    /**
     * {@code (Owner, Tlb) -> long}: the frame address of the object's first page, translated once
     * for a run of accesses to its primitive fields with no other remote access between (the
     * rewriter finds them); 0 when the field is not remote. {@code name} and {@code descriptor} are
     * those of the run's first field (a primitive); {@code write}: some access of the run writes.
     */
    public static CallSite base(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner,
            String descriptor, int write) throws ReflectiveOperationException {
        Class<?> fieldType = MethodType.fromMethodDescriptorString("()" + descriptor, null).returnType();
        Field field = caller.revealDirect(caller.findGetter(owner, name, fieldType)).reflectAs(Field.class, caller);
        if (!isRemote(field)) {
            return new ConstantCallSite(MethodHandles.dropArguments(MethodHandles.constant(long.class, 0L), 0,
                    type.parameterList()));
        }
        return new ConstantCallSite(objectBase(field.getDeclaringClass(), write != 0).asType(type));
    }

    /**
     * {@code (long address, Tlb) -> T}: a read whose receiver the rewriter keeps as the object's
     * address (a local that only ever holds remote objects and serves as a receiver), so no handle
     * is looked up for it.
     */
    public static CallSite getAtAddress(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner)
            throws ReflectiveOperationException {
        Field field = remoteField(caller, owner, name, type.returnType());
        MethodType access = MethodType.methodType(erased(field.getType()), long.class, Tlb.class, long.class);
        MethodHandle at = MethodHandles.insertArguments(accessor("get", field, access), 2, offset(field));
        return new ConstantCallSite(at.asType(type));
    }

    /**
     * {@code (Owner, Tlb) -> long} or {@code (long address, Tlb) -> long}: a reference field's stored
     * form, read for a local that keeps addresses. The field's type is a remote class, so the value
     * is 0 or the object's address, never a local object's id. {@code descriptor}: the field's type.
     */
    public static CallSite getRaw(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner,
            String descriptor) throws ReflectiveOperationException {
        Class<?> fieldType = MethodType.fromMethodDescriptorString("()" + descriptor, caller.lookupClass().getClassLoader())
                .returnType();
        Field field = remoteField(caller, owner, name, fieldType);
        boolean fromHandle = type.parameterType(0) != long.class;
        if (fromHandle && onFirstPage(field)) {
            return new ConstantCallSite(firstPageRead(field).asType(type));
        }
        MethodType access = MethodType.methodType(long.class, long.class, Tlb.class, long.class);
        String verb = Modifier.isVolatile(field.getModifiers()) ? "getLongVolatile" : "getLong";
        MethodHandle at = MethodHandles.insertArguments(LOOKUP.findStatic(Accessors.class, verb, access), 2, offset(field));
        if (fromHandle) {
            at = keepingHolder(MethodHandles.filterArguments(at, 0, address(field)));
        }
        return new ConstantCallSite(at.asType(type));
    }

    /**
     * {@code (T) -> long}: the address of an instance of remote class {@code T} (0 for null), for a
     * local that keeps addresses, read from the handle's own field as field accesses do: no
     * interface call on whichever class the handle is, no mark that the object escaped.
     */
    public static CallSite addressOf(MethodHandles.Lookup caller, String name, MethodType type)
            throws ReflectiveOperationException {
        Class<?> remoteClass = type.parameterType(0);
        if (!Layouts.ownFieldsRemote(remoteClass)) {
            throw new IllegalStateException("LegoJ rewrote " + caller.lookupClass().getName() + " to keep addresses of "
                    + remoteClass.getName() + ", which keeps its fields local");
        }
        MethodHandle address = address(remoteClass);
        MethodHandle orZero = MethodHandles.guardWithTest(IS_NULL.asType(MethodType.methodType(boolean.class, remoteClass)),
                MethodHandles.dropArguments(MethodHandles.constant(long.class, 0L), 0, remoteClass), address);
        return new ConstantCallSite(orZero.asType(type));
    }

    private static boolean isNull(Object o) {
        return o == null;
    }

    /** The field, which the rewriter found in a remote class: anything else is a bug of LegoJ's, and said so. */
    private static Field remoteField(MethodHandles.Lookup caller, Class<?> owner, String name, Class<?> type)
            throws ReflectiveOperationException {
        Field field = caller.revealDirect(caller.findGetter(owner, name, type)).reflectAs(Field.class, caller);
        if (!isRemote(field)) {
            throw new IllegalStateException("LegoJ rewrote " + caller.lookupClass().getName() + " to read " + field
                    + " by address, but " + field.getDeclaringClass().getName() + " keeps its fields local");
        }
        return field;
    }

    /** {@code (Owner, long base, Tlb) -> T}: a read in a run, at the base of {@link #base} when the field is on its page. */
    public static CallSite getAt(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner)
            throws ReflectiveOperationException {
        MethodHandle plain = caller.findGetter(owner, name, type.returnType());
        Field field = caller.revealDirect(plain).reflectAs(Field.class, caller);
        MethodHandle target;
        if (onFirstPage(field)) {
            MethodHandle raw = rawAccess("get", field, MethodType.methodType(field.getType(), Object.class, long.class));
            target = keepingHolder(MethodHandles.dropArguments(MethodHandles.dropArguments(raw, 0, owner), 2, Tlb.class));
        } else {
            target = MethodHandles.dropArguments(isRemote(field) ? tlbAccess("get", field, 1)
                    : MethodHandles.dropArguments(plain, 1, Tlb.class), 1, long.class);
        }
        return new ConstantCallSite(target.asType(type));
    }

    /** {@code (Owner, T, long base, Tlb) -> void}: a write in a run, as {@link #getAt}. */
    public static CallSite putAt(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner)
            throws ReflectiveOperationException {
        Class<?> t = type.parameterType(1);
        Field field = caller.revealDirect(caller.findGetter(owner, name, t)).reflectAs(Field.class, caller);
        MethodHandle target;
        if (onFirstPage(field)) {
            MethodHandle raw = rawAccess("put", field, MethodType.methodType(void.class, Object.class, long.class, t));
            MethodHandle withOwner = MethodHandles.dropArguments(raw, 0, owner);
            target = keepingHolder(MethodHandles.dropArguments(MethodHandles.permuteArguments(withOwner,
                    MethodType.methodType(void.class, owner, t, long.class), 0, 2, 1), 3, Tlb.class));
        } else {
            target = MethodHandles.dropArguments(isRemote(field) ? tlbAccess("put", field, 2)
                    : MethodHandles.dropArguments(plainSetter(caller, field), 2, Tlb.class), 2, long.class);
        }
        return new ConstantCallSite(target.asType(type));
    }

    /** True for a remote field that lies on the page where its object starts: small blocks never straddle pages, large ones start on one. */
    private static boolean onFirstPage(Field field) {
        if (!isRemote(field)) {
            return false;
        }
        Class<?> t = field.getType();
        long size = !t.isPrimitive() || t == long.class || t == double.class ? 8
                : t == int.class || t == float.class ? 4
                : t == short.class || t == char.class ? 2 : 1;
        return offset(field) + size <= Mmu.runtime().cache().pageSize();
    }

    /** {@code Unsafe}'s absolute access (a null base) at {@code base + offset}, volatile for a volatile field. */
    private static MethodHandle rawAccess(String verb, Field field, MethodType unsafeType) throws ReflectiveOperationException {
        return rawAccess(verb, field, field.getType(), unsafeType);
    }

    /** {@link #rawAccess(String, Field, MethodType)} of {@code t}, a primitive type: {@code long} for a reference's stored form. */
    private static MethodHandle rawAccess(String verb, Field field, Class<?> t, MethodType unsafeType)
            throws ReflectiveOperationException {
        String kind = Character.toUpperCase(t.getName().charAt(0)) + t.getName().substring(1);
        String suffix = Modifier.isVolatile(field.getModifiers()) ? "Volatile" : "";
        MethodHandle unsafe = LOOKUP.findVirtual(sun.misc.Unsafe.class, verb + kind + suffix, unsafeType)
                .bindTo(UnsafeAccess.U);
        MethodHandle absolute = MethodHandles.insertArguments(unsafe, 0, (Object) null);
        MethodHandle plusOffset = MethodHandles.insertArguments(PLUS, 1, offset(field));
        return MethodHandles.filterArguments(absolute, 0, plusOffset);
    }

    private static long plus(long a, long b) {
        return a + b;
    }

    /**
     * The remote accessor at the field's offset, taking the site's {@link Tlb}: {@code (Declaring, Tlb) -> T}
     * to read, {@code (Declaring, T, Tlb) -> void} to write.
     */
    private static MethodHandle tlbAccess(String verb, Field field, int tlbAt) throws ReflectiveOperationException {
        MethodHandle m;
        if (onFirstPage(field)) {
            m = verb.equals("get") ? firstPageGet(field) : firstPagePut(field);
        } else {
            Class<?> t = erased(field.getType());
            MethodType type = verb.equals("get") ? MethodType.methodType(t, long.class, Tlb.class, long.class)
                    : MethodType.methodType(void.class, long.class, t, Tlb.class, long.class);
            MethodHandle access = MethodHandles.insertArguments(accessor(verb, field, type), tlbAt + 1, offset(field));
            m = keepingHolder(MethodHandles.filterArguments(access, 0, address(field)));
        }
        Class<?> declared = field.getType();
        if (!declared.isInterface() || !ArrayTypeMarkers.isMarker(declared.getName().replace('.', '/'))) {
            return m;
        }
        // a reference array's marker: no value is an instance of it, so none is cast to it
        return MethodHandles.explicitCastArguments(m, verb.equals("get") ? m.type().changeReturnType(declared)
                : m.type().changeParameterType(1, declared));
    }

    /** {@code (Declaring, Tlb) -> T}, {@code T} erased, of a field on the object's first page: {@link #firstPageRead}, decoded. */
    private static MethodHandle firstPageGet(Field field) throws ReflectiveOperationException {
        MethodHandle stored = firstPageRead(field);
        return field.getType().isPrimitive() ? stored : MethodHandles.filterReturnValue(stored, DECODE);
    }

    /**
     * {@code (Declaring, Tlb) -> S}, {@code S} the stored form (a primitive, or {@code long} for a
     * reference), of a field on the object's first page: the object's start translated by
     * {@link #objectBase}, then an absolute read.
     */
    private static MethodHandle firstPageRead(Field field) throws ReflectiveOperationException {
        Class<?> stored = field.getType().isPrimitive() ? field.getType() : long.class;
        MethodHandle raw = rawAccess("get", field, stored, MethodType.methodType(stored, Object.class, long.class));
        return keepingHolder(MethodHandles.collectArguments(raw, 0, objectBase(field.getDeclaringClass(), false)));
    }

    /**
     * {@code (Declaring, T, Tlb) -> void}, {@code T} erased, as {@link #firstPageGet}. A reference is
     * encoded before the object is translated: encoding may allocate, which may take the TLB's slow
     * path and so end the translation's validity.
     */
    private static MethodHandle firstPagePut(Field field) throws ReflectiveOperationException {
        boolean reference = !field.getType().isPrimitive();
        Class<?> stored = reference ? long.class : field.getType();
        Class<?> declaring = field.getDeclaringClass();
        MethodHandle raw = rawAccess("put", field, stored, MethodType.methodType(void.class, Object.class, long.class, stored));
        MethodHandle at = MethodHandles.collectArguments(raw, 0, objectBase(declaring, true));
        MethodHandle m = keepingHolder(MethodHandles.permuteArguments(at,
                MethodType.methodType(void.class, declaring, stored, Tlb.class), 0, 2, 1));
        return reference ? MethodHandles.filterArguments(m, 1, ENCODE) : m;
    }

    /**
     * {@code (remoteClass, Tlb) -> long}: the frame address where the object starts: the one its
     * handle remembers when {@link Tlb#readsThrough} (or {@link Tlb#writesThrough}) its stamp, else
     * the table's when {@link Tlb#servesFromTable}, else {@link Tlb#objectMiss}, which also
     * allocates an object that has no storage yet and has the handle remember. Each level is a
     * {@code guardWithTest} of the call site's own, so that the JIT sees this site's misses, not
     * those of every access of the JVM: a site that never missed compiles to the remembered address.
     */
    private static MethodHandle objectBase(Class<?> remoteClass, boolean write) throws ReflectiveOperationException {
        Class<?> top = handleClass(remoteClass);
        MethodHandles.Lookup handles = MethodHandles.privateLookupIn(top, LOOKUP);
        MethodHandle stamp = handles.findGetter(top, STAMP_FIELD, long.class);
        MethodHandle raw = handles.findGetter(top, ADDRESS_FIELD, long.class);
        MethodType onHandle = MethodType.methodType(long.class, top, Tlb.class);
        MethodHandle through = LOOKUP.findVirtual(Tlb.class, write ? "writesThrough" : "readsThrough",
                MethodType.methodType(boolean.class, long.class));
        MethodHandle remembers = MethodHandles.permuteArguments(MethodHandles.filterArguments(through, 1, stamp),
                onHandle.changeReturnType(boolean.class), 1, 0);
        MethodHandle remembered = MethodHandles.dropArguments(handles.findGetter(top, BASE_FIELD, long.class), 1, Tlb.class);
        MethodHandle serves = MethodHandles.insertArguments(LOOKUP.findVirtual(Tlb.class, "servesFromTable",
                MethodType.methodType(boolean.class, long.class, boolean.class)), 2, write);
        MethodHandle tableServes = MethodHandles.permuteArguments(MethodHandles.filterArguments(serves, 1, raw),
                onHandle.changeReturnType(boolean.class), 1, 0);
        MethodHandle held = MethodHandles.permuteArguments(MethodHandles.filterArguments(LOOKUP.findVirtual(Tlb.class,
                "heldAddress", MethodType.methodType(long.class, long.class)), 1, raw), onHandle, 1, 0);
        MethodHandle miss = MethodHandles.permuteArguments(MethodHandles.insertArguments(LOOKUP.findVirtual(Tlb.class,
                "objectMiss", MethodType.methodType(long.class, RemoteObject.class, boolean.class)), 2, write)
                .asType(MethodType.methodType(long.class, Tlb.class, top)), onHandle, 1, 0);
        MethodHandle fromTable = MethodHandles.guardWithTest(tableServes, held, miss);
        return MethodHandles.guardWithTest(remembers, remembered, fromTable).asType(MethodType.methodType(long.class,
                remoteClass, Tlb.class));
    }

    /**
     * {@code m} keeping its first argument, the object, reachable until the access is done: else the
     * JVM may collect the handle once its address is read, and LegoJ reclaim an object that never
     * escaped while a thread still reads it.
     */
    private static MethodHandle keepingHolder(MethodHandle m) throws ReflectiveOperationException {
        Class<?> r = m.type().returnType();
        Class<?> holder = m.type().parameterType(0);
        Class<?> kept = r.isPrimitive() ? r : Object.class;
        MethodHandle keep = r == void.class
                ? LOOKUP.findStatic(Accessors.class, "keep", MethodType.methodType(void.class, Object.class))
                        .asType(MethodType.methodType(void.class, holder))
                : LOOKUP.findStatic(Accessors.class, "keep", MethodType.methodType(kept, kept, Object.class))
                        .asType(MethodType.methodType(r, r, holder));
        MethodHandle both = MethodHandles.collectArguments(keep, 0, m);
        int n = m.type().parameterCount();
        int[] order = new int[n + 1];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return MethodHandles.permuteArguments(both, m.type(), order);
    }

    /**
     * Replaces {@code java.lang.runtime.ObjectMethods.bootstrap} (records' {@code equals}, {@code hashCode}
     * and {@code toString}), whose field getters would read the handle's empty fields: they are linked
     * like field reads first.
     */
    public static Object recordMethods(MethodHandles.Lookup caller, String methodName, TypeDescriptor type,
            Class<?> recordClass, String names, MethodHandle... getters) throws Throwable {
        MethodHandle[] linked = new MethodHandle[getters.length];
        for (int i = 0; i < getters.length; i++) {
            linked[i] = getter(caller, getters[i]).asType(getters[i].type());
        }
        return ObjectMethods.bootstrap(caller, methodName, type, recordClass, names, linked);
    }

    /** The field read of a direct getter: remote memory when its class keeps fields remote, else itself. */
    static MethodHandle getter(MethodHandles.Lookup caller, MethodHandle plain) throws ReflectiveOperationException {
        Field field = caller.revealDirect(plain).reflectAs(Field.class, caller);
        return isRemote(field) ? remoteGetter(field).asType(plain.type()) : plain;
    }

    /** The field write of a direct setter: remote memory when its class keeps fields remote, else itself. */
    static MethodHandle setter(MethodHandles.Lookup caller, MethodHandle plain) throws ReflectiveOperationException {
        Field field = caller.revealDirect(plain).reflectAs(Field.class, caller);
        return isRemote(field) ? remoteSetter(field).asType(plain.type()) : plain;
    }

    /** True for an instance field of a class whose own fields live in remote memory. */
    static boolean isRemote(Field field) {
        return !Modifier.isStatic(field.getModifiers()) && Layouts.ownFieldsRemote(field.getDeclaringClass());
    }

    /** {@code (Declaring) -> T} reading the field in remote memory. */
    static MethodHandle remoteGetter(Field field) throws ReflectiveOperationException {
        return MethodHandles.collectArguments(tlbAccess("get", field, 1), 1, CURRENT_TLB)
                .asType(MethodType.methodType(field.getType(), field.getDeclaringClass()));
    }

    /** {@code (Declaring, T) -> void} writing the field in remote memory. */
    static MethodHandle remoteSetter(Field field) throws ReflectiveOperationException {
        return MethodHandles.collectArguments(tlbAccess("put", field, 2), 2, CURRENT_TLB)
                .asType(MethodType.methodType(void.class, field.getDeclaringClass(), field.getType()));
    }

    /** {@code (Owner, T, Tlb) -> void}: the site passes its method's {@link Tlb}. */
    public static CallSite put(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner)
            throws ReflectiveOperationException {
        Field field = caller.revealDirect(caller.findGetter(owner, name, type.parameterType(1)))
                .reflectAs(Field.class, caller);
        MethodHandle target = isRemote(field) ? tlbAccess("put", field, 2)
                : MethodHandles.dropArguments(plainSetter(caller, field), 2, Tlb.class);
        return new ConstantCallSite(target.asType(type));
    }

    /** A setter also for final fields: the verifier already allowed this store in the caller. */
    private static MethodHandle plainSetter(MethodHandles.Lookup caller, Field field) throws ReflectiveOperationException {
        if (!Modifier.isFinal(field.getModifiers())) {
            return caller.unreflectSetter(field);
        }
        field.setAccessible(true);
        return caller.unreflectSetter(field);
    }

    private static MethodHandle accessor(String verb, Field field, MethodType type) throws ReflectiveOperationException {
        Class<?> t = field.getType();
        String kind = t.isPrimitive() ? Character.toUpperCase(t.getName().charAt(0)) + t.getName().substring(1) : "Ref";
        String suffix = Modifier.isVolatile(field.getModifiers()) ? "Volatile" : "";
        return LOOKUP.findStatic(Accessors.class, verb + kind + suffix, type);
    }

    private static Class<?> erased(Class<?> t) {
        return t.isPrimitive() ? t : Object.class;
    }

    static long offset(Field field) {
        long off = Layouts.of(field.getDeclaringClass()).offset(field.getName());
        if (off < 0) {
            throw new IllegalStateException("no remote offset for " + field);
        }
        return off;
    }

    /**
     * {@code (Owner) -> long}: what the handle's {@code $legoj$address()} answers, as method-handle
     * combinators: the address field of the hierarchy's topmost remote class, and its first-use
     * allocation when 0. Not the method itself: once compiled with the allocation inlined, it is a
     * "big method" that the JIT no longer inlines into accessors, and every access paid a call.
     */
    static MethodHandle address(Field field) throws ReflectiveOperationException {
        return address(field.getDeclaringClass());
    }

    /** The topmost remote class above {@code remoteClass}: the one that declares the address field. */
    private static Class<?> handleClass(Class<?> remoteClass) {
        Class<?> top = remoteClass;
        while (!Arrays.asList(top.getInterfaces()).contains(RemoteObject.class)) {
            top = top.getSuperclass();
        }
        return top;
    }

    /** {@link #address(Field)} for an instance of {@code remoteClass}. */
    private static MethodHandle address(Class<?> remoteClass) throws ReflectiveOperationException {
        Class<?> top = handleClass(remoteClass);
        MethodHandle raw = MethodHandles.privateLookupIn(top, LOOKUP).findGetter(top, ADDRESS_FIELD, long.class);
        MethodHandle allocate = LOOKUP.findStatic(RemoteObjects.class, "allocate",
                MethodType.methodType(long.class, RemoteHandle.class)).asType(MethodType.methodType(long.class, top));
        MethodHandle orAllocate = MethodHandles.guardWithTest(IS_ZERO,
                MethodHandles.dropArguments(allocate, 0, long.class),
                MethodHandles.dropArguments(MethodHandles.identity(long.class), 1, top));
        return MethodHandles.foldArguments(orAllocate, raw).asType(MethodType.methodType(long.class, remoteClass));
    }

    private static boolean isZero(long v) {
        return v == 0;
    }
}
