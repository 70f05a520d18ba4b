package io.legoj.agent;

import io.legoj.runtime.arrays.types.ArrayTypeMarkers;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.Type;

/**
 * The type mapping of the array rewrite: {@code T[]} with primitive {@code T} becomes a handle
 * class ({@code int[]} is {@code IntArray}); every other array type (reference arrays, and arrays
 * of arrays such as {@code int[][]}) becomes its marker interface ({@link ArrayTypeMarkers}), as
 * its value may be a JVM array or a remote {@code RefArray}.
 */
final class ArrayTypes {
    static final String PACKAGE = "io/legoj/runtime/arrays/";
    static final String PRIMITIVE_ARRAY = PACKAGE + "PrimitiveArray";
    private static final String[] HANDLES = new String[Type.DOUBLE + 1];
    /** A marker's name as it appears in a class file's constants: it is ASCII, so the bytes can be read as ISO 8859-1. */
    private static final Pattern MARKER = Pattern.compile(Pattern.quote(ArrayTypeMarkers.PACKAGE) + "[0-9]+_[A-Za-z0-9_$~-]+");

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

    /** True when a type, field or method descriptor (or an array's internal name) mentions an array type. */
    static boolean mentions(String descriptor) {
        return descriptor.indexOf('[') >= 0;
    }

    /** True for a reference-array type ({@code [Ljava/lang/String;}, {@code [[I}): its rewritten form is a marker. */
    static boolean isReferenceArray(String descriptor) {
        return descriptor.length() > 1 && descriptor.charAt(0) == '[' && (descriptor.charAt(1) == 'L' || descriptor.charAt(1) == '[');
    }

    /** True for a one-dimensional primitive array type ({@code [I}). */
    static boolean isPrimitiveArray(String descriptor) {
        return descriptor.length() == 2 && descriptor.charAt(0) == '[';
    }

    /** The handle class of a one-dimensional primitive array type, by its element sort. */
    static String handle(int elementSort) {
        return HANDLES[elementSort];
    }

    /** The rewritten form of a type. */
    static Type map(Type t) {
        if (t.getSort() != Type.ARRAY) {
            return t;
        }
        String descriptor = t.getDescriptor();
        if (isReferenceArray(descriptor)) {
            return Type.getObjectType(ArrayTypeMarkers.markerOf(descriptor));
        }
        return Type.getObjectType(HANDLES[t.getElementType().getSort()]);
    }

    /** True for a rewritten type that is a marker: no value is an instance of it, so nothing casts to it. */
    static boolean isMarker(Type mapped) {
        return mapped.getSort() == Type.OBJECT && ArrayTypeMarkers.isMarker(mapped.getInternalName());
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
        return internalName.startsWith("[") ? map(Type.getObjectType(internalName)).getInternalName() : internalName;
    }

    /** The markers a rewritten class names, which must be defined before it is. */
    static Set<String> markersIn(byte[] classFile) {
        Set<String> markers = new TreeSet<>();
        Matcher m = MARKER.matcher(new String(classFile, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            markers.add(m.group());
        }
        return markers;
    }
}
