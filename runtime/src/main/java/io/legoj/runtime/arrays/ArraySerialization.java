package io.legoj.runtime.arrays;

import io.legoj.runtime.UnsafeAccess;
import io.legoj.runtime.arrays.types.ArrayTypeMarkers;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamField;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Java serialization of a rewritten class with array fields, in the plain program's form. The agent
 * gives such a class {@code serialPersistentFields = fields(C.class)}, which names each serializable
 * field with its plain type ({@code int[]}, not {@code IntArray}), and {@code writeObject} and
 * {@code readObject} methods that call {@link #write} and {@link #read}: the stream is one a plain
 * JVM writes and reads, and streams a plain JVM wrote read back. Deserialized arrays are handles
 * on the JVM arrays read (local mode), so arrays shared in the stream stay shared.
 */
public final class ArraySerialization {
    private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> c) {
            List<Field> serial = new ArrayList<>();
            for (Field f : c.getDeclaredFields()) {
                if ((f.getModifiers() & (Modifier.STATIC | Modifier.TRANSIENT)) == 0) {
                    f.setAccessible(true);
                    serial.add(f);
                }
            }
            return serial.toArray(new Field[0]);
        }
    };

    private ArraySerialization() {
    }

    /** The serializable fields of {@code c} (its non-static, non-transient ones) with their plain types. */
    public static ObjectStreamField[] fields(Class<?> c) {
        Field[] fields = FIELDS.get(c);
        ObjectStreamField[] serial = new ObjectStreamField[fields.length];
        for (int i = 0; i < fields.length; i++) {
            serial[i] = new ObjectStreamField(fields[i].getName(), ArrayBoundary.jvmClassOf(fields[i].getType()));
        }
        return serial;
    }

    /** {@code writeObject} of {@code o}'s fields declared by {@code c}: arrays as JVM arrays. */
    public static void write(Object o, Class<?> c, ObjectOutputStream out) throws IOException {
        ObjectOutputStream.PutField put = out.putFields();
        try {
            for (Field f : FIELDS.get(c)) {
                String n = f.getName();
                Class<?> t = f.getType();
                if (t == int.class) {
                    put.put(n, f.getInt(o));
                } else if (t == long.class) {
                    put.put(n, f.getLong(o));
                } else if (t == boolean.class) {
                    put.put(n, f.getBoolean(o));
                } else if (t == byte.class) {
                    put.put(n, f.getByte(o));
                } else if (t == short.class) {
                    put.put(n, f.getShort(o));
                } else if (t == char.class) {
                    put.put(n, f.getChar(o));
                } else if (t == float.class) {
                    put.put(n, f.getFloat(o));
                } else if (t == double.class) {
                    put.put(n, f.getDouble(o));
                } else {
                    // a handle is written as itself: its writeReplace gives the JVM array, once per stream,
                    // so an array that two fields share stays shared; arrays of arrays are copied
                    Object v = f.get(o);
                    put.put(n, v instanceof PrimitiveArray ? v : ArrayBoundary.toJvm(v));
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("LegoJ: cannot read a field of " + c.getName() + " to serialize it", e);
        }
        out.writeFields();
    }

    /**
     * A reference field's value; a field typed by a marker (a reference array, which is a JVM array or a
     * RefArray) is set directly, as no value is an instance of its type that {@link Field#set} checks.
     */
    private static void setReference(Field f, Object o, Object v) throws IllegalAccessException {
        if (f.getType().isInterface() && ArrayTypeMarkers.isMarker(f.getType().getName().replace('.', '/'))) {
            UnsafeAccess.U.putObject(o, UnsafeAccess.U.objectFieldOffset(f), v);
        } else {
            f.set(o, v);
        }
    }

    /** {@code readObject} of {@code o}'s fields declared by {@code c}: arrays wrapped in handles. */
    public static void read(Object o, Class<?> c, ObjectInputStream in) throws IOException, ClassNotFoundException {
        ObjectInputStream.GetField get = in.readFields();
        try {
            for (Field f : FIELDS.get(c)) {
                String n = f.getName();
                Class<?> t = f.getType();
                if (t == int.class) {
                    f.setInt(o, get.get(n, 0));
                } else if (t == long.class) {
                    f.setLong(o, get.get(n, 0L));
                } else if (t == boolean.class) {
                    f.setBoolean(o, get.get(n, false));
                } else if (t == byte.class) {
                    f.setByte(o, get.get(n, (byte) 0));
                } else if (t == short.class) {
                    f.setShort(o, get.get(n, (short) 0));
                } else if (t == char.class) {
                    f.setChar(o, get.get(n, (char) 0));
                } else if (t == float.class) {
                    f.setFloat(o, get.get(n, 0f));
                } else if (t == double.class) {
                    f.setDouble(o, get.get(n, 0d));
                } else {
                    setReference(f, o, ArrayBoundary.wrap(get.get(n, null)));
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("LegoJ: cannot set a field of " + c.getName() + " to deserialize it", e);
        }
    }
}
