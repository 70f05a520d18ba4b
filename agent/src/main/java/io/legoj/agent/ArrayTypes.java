package io.legoj.agent;

import org.objectweb.asm.Type;

/**
 * The type mapping of the array rewrite: {@code T[]} with primitive {@code T} becomes a handle
 * class ({@code int[]} is {@code IntArray}), and each level above it stays a JVM array
 * ({@code int[][]} is {@code IntArray[]}). Reference arrays are unchanged.
 */
final class ArrayTypes {
    static final String PACKAGE = "io/legoj/runtime/arrays/";
    static final String PRIMITIVE_ARRAY = PACKAGE + "PrimitiveArray";
    private static final String[] HANDLES = new String[Type.DOUBLE + 1];

    static {
        HANDLES[Type.BOOLEAN] = PACKAGE + "BooleanArray";
        HANDLES[Type.BYTE] = PACKAGE + "ByteArray";
        HANDLES[Type.SHORT] = PACKAGE + "ShortArray";
        HANDLES[Type.CHAR] = PACKAGE + "CharArray";
        HANDLES[Type.INT] = PACKAGE + "IntArray";
        HANDLES[Type.LONG] = PACKAGE + "LongArray";
        HANDLES[Type.FLOAT] = PACKAGE + "FloatArray";
        HANDLES[Type.DOUBLE] = PACKAGE + "DoubleArray";
    }

    private ArrayTypes() {
    }

    /** True when a type, field or method descriptor (or an array's internal name) mentions a primitive array. */
    static boolean mentions(String descriptor) {
        int i = descriptor.indexOf('[');
        while (i >= 0) {
            int j = i;
            while (j < descriptor.length() && descriptor.charAt(j) == '[') {
                j++;
            }
            if (j < descriptor.length() && descriptor.charAt(j) != 'L') {
                return true;
            }
            i = descriptor.indexOf('[', j);
        }
        return false;
    }

    /** The handle class of a one-dimensional primitive array type, by its element sort. */
    static String handle(int elementSort) {
        return HANDLES[elementSort];
    }

    /** The rewritten form of a type. */
    static Type map(Type t) {
        if (t.getSort() != Type.ARRAY || t.getElementType().getSort() > Type.DOUBLE) {
            return t;
        }
        Type handle = Type.getObjectType(HANDLES[t.getElementType().getSort()]);
        return t.getDimensions() == 1 ? handle : Type.getType("[".repeat(t.getDimensions() - 1) + handle.getDescriptor());
    }

    /** The rewritten form of a field or type descriptor. */
    static String mapDescriptor(String descriptor) {
        return mentions(descriptor) ? map(Type.getType(descriptor)).getDescriptor() : descriptor;
    }

    /** The rewritten form of a method descriptor. */
    static String mapMethodDescriptor(String descriptor) {
        if (!mentions(descriptor)) {
            return descriptor;
        }
        Type[] args = Type.getArgumentTypes(descriptor);
        for (int i = 0; i < args.length; i++) {
            args[i] = map(args[i]);
        }
        return Type.getMethodDescriptor(map(Type.getReturnType(descriptor)), args);
    }

    /** The rewritten form of an internal name as frames, {@code anewarray} and {@code checkcast} use it. */
    static String mapInternalName(String internalName) {
        return internalName.startsWith("[") && mentions(internalName)
                ? map(Type.getObjectType(internalName)).getInternalName() : internalName;
    }
}
