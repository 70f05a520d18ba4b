package io.legoj.runtime.arrays;

import io.legoj.runtime.arrays.types.ArrayTypeMarkers;
import io.legoj.runtime.objects.Reflection;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;

/**
 * {@link java.lang.reflect.Array} for rewritten code, whose arrays may be handles. An element of a
 * handle goes through a one-element JVM array of its kind, so widening, unboxing and their
 * exceptions are exactly the JDK's. Also the reflection calls that name types: rewritten code sees
 * the types of the plain program ({@code int[]} where the rewritten class declares {@code IntArray})
 * and finds members by them, as reflective libraries (serializers, injectors) expect. Method
 * handles of members that take or return arrays have the plain program's types too: an array
 * argument reaches the member as the handle of the JVM array passed (the caller pins it, as for
 * any method handle call), and an array result leaves pinned.
 */
public final class ArrayReflection {
    private static final MethodHandle WRAP;
    private static final MethodHandle PIN;
    /** What the primitive accessors are given for a RefArray: a reference array, refused as the plain one is. */
    private static final Object[] NOT_PRIMITIVE = new Object[0];

    static {
        try {
            MethodType objectToObject = MethodType.methodType(Object.class, Object.class);
            WRAP = MethodHandles.lookup().findStatic(ArrayBoundary.class, "wrap", objectToObject);
            PIN = MethodHandles.lookup().findStatic(ArrayBoundary.class, "pin", objectToObject);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ArrayReflection() {
    }

    /** A new array in the form rewritten code holds it. */
    public static Object newInstance(Class<?> componentType, int length) {
        if (componentType == void.class) {
            return Array.newInstance(componentType, length); // fails as the JDK does, length checked first
        }
        Kind k = Kind.of(componentType.arrayType());
        return k != null ? ArrayHandles.create(length, k) : RefArrays.create(length, componentType.arrayType());
    }

    public static Object newInstance(Class<?> componentType, int... dimensions) {
        if (componentType == void.class) {
            return Array.newInstance(componentType, dimensions); // fails as the JDK does, dimensions checked first
        }
        if (dimensions.length == 0) {
            throw new IllegalArgumentException("Empty dimensions array");
        }
        Class<?> type = componentType;
        for (int i = 0; i < dimensions.length; i++) {
            type = type.arrayType();
        }
        return RefArrays.createMulti(dimensions, type);
    }

    public static int getLength(Object array) {
        if (array instanceof RefArray r) {
            return r.length;
        }
        return array instanceof PrimitiveArray a ? a.length : Array.getLength(array);
    }

    public static Object get(Object array, int index) {
        if (array instanceof RefArray r) {
            checkIndex(r, index);
            return r.get(index);
        }
        return Array.get(read(array, index), slot(array, index));
    }

    public static boolean getBoolean(Object array, int index) {
        return Array.getBoolean(read(array, index), slot(array, index));
    }

    public static byte getByte(Object array, int index) {
        return Array.getByte(read(array, index), slot(array, index));
    }

    public static char getChar(Object array, int index) {
        return Array.getChar(read(array, index), slot(array, index));
    }

    public static short getShort(Object array, int index) {
        return Array.getShort(read(array, index), slot(array, index));
    }

    public static int getInt(Object array, int index) {
        return Array.getInt(read(array, index), slot(array, index));
    }

    public static long getLong(Object array, int index) {
        return Array.getLong(read(array, index), slot(array, index));
    }

    public static float getFloat(Object array, int index) {
        return Array.getFloat(read(array, index), slot(array, index));
    }

    public static double getDouble(Object array, int index) {
        return Array.getDouble(read(array, index), slot(array, index));
    }

    public static void set(Object array, int index, Object value) {
        if (array instanceof RefArray r) {
            checkIndex(r, index);
            if (value != null && !r.type.getComponentType().isAssignableFrom(ArrayBoundary.classOf(value))) {
                throw new IllegalArgumentException("array element type mismatch");
            }
            r.set(index, value);
            return;
        }
        if (value == null && array instanceof PrimitiveArray) {
            throw new IllegalArgumentException(); // as the JDK, which refuses null before checking the index
        }
        Object target = target(array, index);
        Array.set(target, slot(array, index), value);
        writeBack(array, index, target);
    }

    public static void setBoolean(Object array, int index, boolean value) {
        Object target = target(array, index);
        Array.setBoolean(target, slot(array, index), value);
        writeBack(array, index, target);
    }

    public static void setByte(Object array, int index, byte value) {
        Object target = target(array, index);
        Array.setByte(target, slot(array, index), value);
        writeBack(array, index, target);
    }

    public static void setChar(Object array, int index, char value) {
        Object target = target(array, index);
        Array.setChar(target, slot(array, index), value);
        writeBack(array, index, target);
    }

    public static void setShort(Object array, int index, short value) {
        Object target = target(array, index);
        Array.setShort(target, slot(array, index), value);
        writeBack(array, index, target);
    }

    public static void setInt(Object array, int index, int value) {
        Object target = target(array, index);
        Array.setInt(target, slot(array, index), value);
        writeBack(array, index, target);
    }

    public static void setLong(Object array, int index, long value) {
        Object target = target(array, index);
        Array.setLong(target, slot(array, index), value);
        writeBack(array, index, target);
    }

    public static void setFloat(Object array, int index, float value) {
        Object target = target(array, index);
        Array.setFloat(target, slot(array, index), value);
        writeBack(array, index, target);
    }

    public static void setDouble(Object array, int index, double value) {
        Object target = target(array, index);
        Array.setDouble(target, slot(array, index), value);
        writeBack(array, index, target);
    }

    /**
     * Whether {@code f} is a reference-array field of rewritten code: its declared type is a marker,
     * of which no value is an instance, so {@link Field#set} refuses every value but null.
     */
    public static boolean isArrayField(Field f) {
        Class<?> t = f.getType();
        return t.isInterface() && ArrayTypeMarkers.isMarker(t.getName().replace('.', '/'));
    }

    /**
     * {@code f.set(target, value)} of an {@link #isArrayField array field}, checked as
     * {@link Field#set} checks it against the plain type, with {@code caller}'s access.
     */
    public static void setArrayField(MethodHandles.Lookup caller, Field f, Object target, Object value)
            throws IllegalAccessException {
        Class<?> plain = ArrayBoundary.jvmClassOf(f.getType());
        if (value != null && !ArrayBoundary.isInstance(value, plain)) {
            int modifiers = f.getModifiers();
            throw new IllegalArgumentException("Can not set " + (java.lang.reflect.Modifier.isStatic(modifiers) ? "static " : "")
                    + (java.lang.reflect.Modifier.isFinal(modifiers) ? "final " : "") + plain.getName() + " field "
                    + f.getDeclaringClass().getName() + "." + f.getName() + " to " + ArrayBoundary.classOf(value).getName());
        }
        MethodHandle setter;
        try {
            setter = Reflection.unreflectSetter(caller, f);
        } catch (IllegalAccessException e) {
            throw e;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("LegoJ: cannot link the setter of " + f, e);
        }
        try {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                MethodHandles.explicitCastArguments(setter, MethodType.methodType(void.class, Object.class)).invoke(value);
            } else {
                MethodHandles.explicitCastArguments(setter, MethodType.methodType(void.class, Object.class, Object.class))
                        .invoke(target, value);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Whether a method or constructor of rewritten code takes or returns a reference array (a marker). */
    public static boolean takesReferenceArrays(Executable e) {
        for (Class<?> p : e.getParameterTypes()) {
            if (isMarker(p)) {
                return true;
            }
        }
        return e instanceof Method m && isMarker(m.getReturnType());
    }

    private static boolean isMarker(Class<?> t) {
        return t.isInterface() && ArrayTypeMarkers.isMarker(t.getName().replace('.', '/'));
    }

    /**
     * {@code m.invoke(target, args)} of a {@link #takesReferenceArrays method with reference arrays}, which
     * {@link Method#invoke} refuses (no argument is an instance of a marker): checked as it checks
     * against the plain types, called with {@code caller}'s access, exceptions wrapped as it wraps them.
     */
    public static Object invoke(MethodHandles.Lookup caller, Method m, Object target, Object[] args)
            throws IllegalAccessException, InvocationTargetException {
        boolean isStatic = java.lang.reflect.Modifier.isStatic(m.getModifiers());
        if (!isStatic && target == null) {
            throw new NullPointerException("Cannot invoke \"Object.getClass()\" because \"obj\" is null");
        }
        if (!isStatic && !m.getDeclaringClass().isInstance(target)) {
            throw new IllegalArgumentException("object is not an instance of declaring class");
        }
        Object[] all = checkedArguments(m, isStatic ? null : target, args);
        return call(caller.unreflect(m), all);
    }

    /** {@code c.newInstance(args)} of a {@link #takesReferenceArrays constructor with reference arrays}, as {@link #invoke}. */
    public static Object newInstance(MethodHandles.Lookup caller, Constructor<?> c, Object[] args)
            throws IllegalAccessException, InvocationTargetException {
        return call(caller.unreflectConstructor(c), checkedArguments(c, null, args));
    }

    /** The arguments, after the receiver when there is one, checked as reflection checks them. */
    private static Object[] checkedArguments(Executable e, Object receiver, Object[] args) {
        Class<?>[] types = e.getParameterTypes();
        int n = args == null ? 0 : args.length;
        if (n != types.length) {
            throw new IllegalArgumentException("wrong number of arguments");
        }
        Object[] all = new Object[n + (receiver == null ? 0 : 1)];
        int at = 0;
        if (receiver != null) {
            all[at++] = receiver;
        }
        for (int i = 0; i < n; i++) {
            Class<?> plain = isMarker(types[i]) ? ArrayBoundary.jvmClassOf(types[i]) : types[i];
            Object a = args[i];
            Object passed = plain.isPrimitive() ? widened(a, plain)
                    : a == null || ArrayBoundary.isInstance(a, plain) || !plain.isArray() && plain.isInstance(a) ? a : null;
            if (passed == null && (a != null || plain.isPrimitive())) {
                throw new IllegalArgumentException("argument type mismatch");
            }
            all[at++] = passed;
        }
        return all;
    }

    /**
     * A boxed argument for primitive parameter type {@code p}, widened as reflection widens it
     * ({@code Integer} for a {@code long}), or null when it does not convert.
     */
    private static Object widened(Object a, Class<?> p) {
        if (a instanceof Boolean) {
            return p == boolean.class ? a : null;
        }
        if (a instanceof Character c) {
            return p == char.class ? a : widenedNumber((int) c, p, int.class);
        }
        if (!(a instanceof Number n) || !(a instanceof Byte || a instanceof Short || a instanceof Integer
                || a instanceof Long || a instanceof Float || a instanceof Double)) {
            return null;
        }
        Class<?> from = MethodType.methodType(a.getClass()).unwrap().returnType();
        return widenedNumber(n, p, from);
    }

    /** {@code n} (of primitive type {@code from}) as {@code to}, where Java widens {@code from} to {@code to}. */
    private static Object widenedNumber(Number n, Class<?> to, Class<?> from) {
        String order = "byte short int long float double";
        int f = order.indexOf(from.getName());
        int t = order.indexOf(to.getName());
        if (t < 0 || f < 0 || t < f) {
            return null;
        }
        return switch (to.getName()) {
            case "byte" -> n.byteValue();
            case "short" -> n.shortValue();
            case "int" -> n.intValue();
            case "long" -> n.longValue();
            case "float" -> n.floatValue();
            default -> n.doubleValue();
        };
    }

    private static Object call(MethodHandle target, Object[] all) throws InvocationTargetException {
        // no value is an instance of a marker, so none is cast to one
        MethodHandle generic = MethodHandles.explicitCastArguments(target.asFixedArity(),
                MethodType.genericMethodType(all.length));
        try {
            return generic.invokeWithArguments(all);
        } catch (Throwable t) {
            throw new InvocationTargetException(t);
        }
    }

    public static Class<?> getType(Field f) {
        return ArrayBoundary.jvmClassOf(f.getType());
    }

    public static Class<?> getReturnType(Method m) {
        return ArrayBoundary.jvmClassOf(m.getReturnType());
    }

    public static Class<?>[] getParameterTypes(Executable e) {
        Class<?>[] types = e.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            types[i] = ArrayBoundary.jvmClassOf(types[i]);
        }
        return types;
    }

    public static Class<?> getType(Parameter p) {
        return ArrayBoundary.jvmClassOf(p.getType());
    }

    public static Class<?> getType(RecordComponent c) {
        return ArrayBoundary.jvmClassOf(c.getType());
    }

    /** Generic types come from signatures, which keep the plain types; only a plain class stands for a descriptor's. */
    public static Type getGenericType(Field f) {
        return plain(f.getGenericType());
    }

    public static Type getGenericType(RecordComponent c) {
        return plain(c.getGenericType());
    }

    public static Type getParameterizedType(Parameter p) {
        return plain(p.getParameterizedType());
    }

    public static Type getGenericReturnType(Method m) {
        return plain(m.getGenericReturnType());
    }

    public static Type[] getGenericParameterTypes(Executable e) {
        Type[] types = e.getGenericParameterTypes();
        for (int i = 0; i < types.length; i++) {
            types[i] = plain(types[i]);
        }
        return types;
    }

    private static Type plain(Type t) {
        return t instanceof Class<?> c ? ArrayBoundary.jvmClassOf(c) : t;
    }

    public static Method getMethod(Class<?> c, String name, Class<?>... types) throws NoSuchMethodException {
        return lookUp(types, t -> c.getMethod(name, t));
    }

    public static Method getDeclaredMethod(Class<?> c, String name, Class<?>... types) throws NoSuchMethodException {
        return lookUp(types, t -> c.getDeclaredMethod(name, t));
    }

    public static <T> Constructor<T> getConstructor(Class<T> c, Class<?>... types) throws NoSuchMethodException {
        return lookUp(types, c::getConstructor);
    }

    public static <T> Constructor<T> getDeclaredConstructor(Class<T> c, Class<?>... types) throws NoSuchMethodException {
        return lookUp(types, c::getDeclaredConstructor);
    }

    // ---- method handles: found by the plain types, typed by them

    public static MethodHandle findVirtual(MethodHandles.Lookup l, Class<?> c, String name, MethodType type)
            throws ReflectiveOperationException {
        return findMethod(type, t -> l.findVirtual(c, name, t));
    }

    public static MethodHandle findStatic(MethodHandles.Lookup l, Class<?> c, String name, MethodType type)
            throws ReflectiveOperationException {
        return findMethod(type, t -> l.findStatic(c, name, t));
    }

    public static MethodHandle findSpecial(MethodHandles.Lookup l, Class<?> c, String name, MethodType type,
            Class<?> specialCaller) throws ReflectiveOperationException {
        return findMethod(type, t -> l.findSpecial(c, name, t, specialCaller));
    }

    public static MethodHandle findConstructor(MethodHandles.Lookup l, Class<?> c, MethodType type)
            throws ReflectiveOperationException {
        return findMethod(type, t -> l.findConstructor(c, t));
    }

    /** Field lookups go through the object model's, which reads and writes remote fields. */
    public static MethodHandle findGetter(MethodHandles.Lookup l, Class<?> c, String name, Class<?> type)
            throws ReflectiveOperationException {
        return findField(type, t -> Reflection.findGetter(l, c, name, t));
    }

    public static MethodHandle findSetter(MethodHandles.Lookup l, Class<?> c, String name, Class<?> type)
            throws ReflectiveOperationException {
        return findField(type, t -> Reflection.findSetter(l, c, name, t));
    }

    public static MethodHandle findStaticGetter(MethodHandles.Lookup l, Class<?> c, String name, Class<?> type)
            throws ReflectiveOperationException {
        return findField(type, t -> l.findStaticGetter(c, name, t));
    }

    public static MethodHandle findStaticSetter(MethodHandles.Lookup l, Class<?> c, String name, Class<?> type)
            throws ReflectiveOperationException {
        return findField(type, t -> l.findStaticSetter(c, name, t));
    }

    public static MethodHandle unreflect(MethodHandles.Lookup l, Method m) throws ReflectiveOperationException {
        return plain(l.unreflect(m));
    }

    public static MethodHandle unreflectSpecial(MethodHandles.Lookup l, Method m, Class<?> specialCaller)
            throws ReflectiveOperationException {
        return plain(l.unreflectSpecial(m, specialCaller));
    }

    public static MethodHandle unreflectConstructor(MethodHandles.Lookup l, Constructor<?> c)
            throws ReflectiveOperationException {
        return plain(l.unreflectConstructor(c));
    }

    public static MethodHandle unreflectGetter(MethodHandles.Lookup l, Field f) throws ReflectiveOperationException {
        return plain(Reflection.unreflectGetter(l, f));
    }

    public static MethodHandle unreflectSetter(MethodHandles.Lookup l, Field f) throws ReflectiveOperationException {
        return plain(Reflection.unreflectSetter(l, f));
    }

    /** A var handle cannot convert between a handle and a JVM array: one on an array field fails loudly. */
    public static VarHandle findVarHandle(MethodHandles.Lookup l, Class<?> c, String name, Class<?> type)
            throws ReflectiveOperationException {
        try {
            return Reflection.findVarHandle(l, c, name, type);
        } catch (NoSuchFieldException e) {
            Class<?> handle = ArrayBoundary.declaredTypeOf(type);
            if (handle != type) {
                l.findGetter(c, name, handle); // the field is there, with the handle type
                throw arrayVarHandle(c.getName() + "." + name);
            }
            throw e;
        }
    }

    public static VarHandle unreflectVarHandle(MethodHandles.Lookup l, Field f) throws ReflectiveOperationException {
        if (ArrayBoundary.jvmClassOf(f.getType()) != f.getType()) {
            throw arrayVarHandle(f.getDeclaringClass().getName() + "." + f.getName());
        }
        return Reflection.unreflectVarHandle(l, f);
    }

    private static UnsupportedOperationException arrayVarHandle(String field) {
        return new UnsupportedOperationException("LegoJ: a VarHandle on the array field " + field
                + " is not supported with arrays=remote (its arrays are LegoJ handles); use a method handle or the field");
    }

    private interface Find<T> {
        MethodHandle find(T type) throws ReflectiveOperationException;
    }

    private static MethodHandle findMethod(MethodType type, Find<MethodType> find) throws ReflectiveOperationException {
        try {
            return find.find(type);
        } catch (NoSuchMethodException e) {
            Class<?>[] params = handleClasses(type.parameterArray());
            Class<?> ret = ArrayBoundary.declaredTypeOf(type.returnType());
            if (params == null && ret == type.returnType()) {
                throw e;
            }
            return plain(find.find(MethodType.methodType(ret, params != null ? params : type.parameterArray())));
        }
    }

    private static MethodHandle findField(Class<?> type, Find<Class<?>> find) throws ReflectiveOperationException {
        try {
            return find.find(type);
        } catch (NoSuchFieldException e) {
            Class<?> handle = ArrayBoundary.declaredTypeOf(type);
            if (handle == type) {
                throw e;
            }
            return plain(find.find(handle));
        }
    }

    /** {@code mh} with the plain program's types: array handles in, JVM arrays out, as at any boundary. */
    static MethodHandle plain(MethodHandle mh) {
        MethodType t = mh.type();
        MethodHandle out = mh;
        for (int i = 0; i < t.parameterCount(); i++) {
            Class<?> p = t.parameterType(i);
            Class<?> jvm = ArrayBoundary.jvmClassOf(p);
            if (jvm != p) {
                // no value is an instance of a marker, so none is cast to one (an interface: the verifier's rule)
                MethodHandle wrap = p.isInterface() ? MethodHandles.explicitCastArguments(WRAP, MethodType.methodType(p, jvm))
                        : WRAP.asType(MethodType.methodType(p, jvm));
                out = MethodHandles.filterArguments(out, i, wrap);
            }
        }
        Class<?> r = t.returnType();
        Class<?> jvm = ArrayBoundary.jvmClassOf(r);
        if (jvm != r) {
            out = MethodHandles.filterReturnValue(out, PIN.asType(MethodType.methodType(jvm, r)));
        }
        return out;
    }

    private interface Lookup<M> {
        M find(Class<?>[] types) throws NoSuchMethodException;
    }

    /** A member by the plain program's parameter types, else by the handle types a rewritten class declares. */
    private static <M> M lookUp(Class<?>[] types, Lookup<M> lookup) throws NoSuchMethodException {
        try {
            return lookup.find(types);
        } catch (NoSuchMethodException e) {
            Class<?>[] handles = handleClasses(types);
            if (handles == null) {
                throw e;
            }
            return lookup.find(handles);
        }
    }

    /** The parameter types as a rewritten class declares them, or null when no array is among them. */
    private static Class<?>[] handleClasses(Class<?>[] types) {
        if (types == null) {
            return null;
        }
        Class<?>[] handles = new Class<?>[types.length];
        boolean changed = false;
        for (int i = 0; i < types.length; i++) {
            handles[i] = types[i] == null ? null : ArrayBoundary.declaredTypeOf(types[i]);
            changed |= handles[i] != types[i];
        }
        return changed ? handles : null;
    }

    /** Index into what {@link #read}/{@link #target} return: 0 for a handle's one-element copy. */
    private static int slot(Object array, int index) {
        return array instanceof PrimitiveArray ? 0 : index;
    }

    /** The JDK's index check of {@code Array.get} and {@code Array.set}, which gives no message. */
    private static void checkIndex(RefArray r, int index) {
        if (Integer.compareUnsigned(index, r.length) >= 0) {
            throw new ArrayIndexOutOfBoundsException();
        }
    }

    /**
     * A handle's element {@code index} in a one-element JVM array; an empty {@code Object[]} for a
     * RefArray, which the primitive accessors refuse as they refuse its plain array; any other array itself.
     */
    private static Object read(Object array, int index) {
        if (array instanceof RefArray) {
            return NOT_PRIMITIVE;
        }
        if (!(array instanceof PrimitiveArray a)) {
            return array;
        }
        Object one = target(array, index);
        ArrayOps.copyElements(a, index, ArrayBoundary.wrapLocal(one), 0, 1);
        return one;
    }

    private static Object target(Object array, int index) {
        if (array instanceof RefArray) {
            return NOT_PRIMITIVE;
        }
        if (!(array instanceof PrimitiveArray a)) {
            return array;
        }
        if (Integer.compareUnsigned(index, a.length) >= 0) {
            throw new ArrayIndexOutOfBoundsException();
        }
        return a.kind().newJvmArray(1);
    }

    private static void writeBack(Object array, int index, Object one) {
        if (array instanceof PrimitiveArray a) {
            ArrayOps.copyElements(ArrayBoundary.wrapLocal(one), 0, a, index, 1);
        }
    }
}
