package io.legoj.runtime.arrays.types;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The types that stand for reference arrays in rewritten descriptors. A plain {@code String[]} is
 * either a JVM array or a remote {@code RefArray}, so rewritten code cannot type it as either; it
 * is typed by an empty interface per plain array type ({@code String[]} is
 * {@code io/legoj/runtime/arrays/types/1_Ljava~lang~String}). The verifier lets any object (but not
 * a JVM array) pass where an interface is expected, so every value of such a type is an
 * {@code Object} to the verifier, while descriptors stay as distinct as the plain ones: overloads
 * and overrides mean what they meant.
 *
 * <p>No object implements a marker, so rewritten code never casts to one. Markers are defined on
 * demand, next to this class (on the boot class path under the agent, so every class loader sees
 * them), before a class that names them is defined.
 */
public final class ArrayTypeMarkers {
    public static final String PACKAGE = "io/legoj/runtime/arrays/types/";
    /** Each marker defined so far, with the class loaders of the classes that name it (weakly). */
    private static final Map<String, List<WeakReference<ClassLoader>>> DEFINED = new ConcurrentHashMap<>();

    private ArrayTypeMarkers() {
    }

    /**
     * The marker of a plain reference-array descriptor ({@code [Ljava/lang/String;}, {@code [[I}): the
     * dimensions, {@code _}, then the element descriptor without its {@code ;}, where {@code /} is
     * {@code ~} and any other character that is not an ASCII letter or digit, {@code _} or {@code $}
     * is {@code -} and four hex digits, so that two types never share a marker.
     */
    public static String markerOf(String arrayDescriptor) {
        int dims = 0;
        while (dims < arrayDescriptor.length() && arrayDescriptor.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0 || dims == 1 && arrayDescriptor.charAt(1) != 'L') {
            throw new IllegalArgumentException("not a reference array type: " + arrayDescriptor);
        }
        StringBuilder b = new StringBuilder(PACKAGE).append(dims).append('_');
        String element = arrayDescriptor.substring(dims);
        if (element.charAt(0) != 'L') {
            return b.append(element).toString();
        }
        b.append('L');
        for (int i = 1; i < element.length() - 1; i++) {
            char c = element.charAt(i);
            if (c == '/') {
                b.append('~');
            } else if (Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '$') {
                b.append(c);
            } else {
                b.append('-').append(String.format("%04x", (int) c));
            }
        }
        return b.toString();
    }

    /** True for the internal name of a marker. */
    public static boolean isMarker(String internalName) {
        return internalName.startsWith(PACKAGE) && internalName.indexOf('_', PACKAGE.length()) > 0;
    }

    /** The plain array descriptor a marker stands for; inverse of {@link #markerOf}. */
    public static String descriptorOf(String marker) {
        int underscore = marker.indexOf('_', PACKAGE.length());
        int dims = Integer.parseInt(marker.substring(PACKAGE.length(), underscore));
        StringBuilder b = new StringBuilder("[".repeat(dims));
        String element = marker.substring(underscore + 1);
        if (element.charAt(0) != 'L') {
            return b.append(element).toString();
        }
        b.append('L');
        for (int i = 1; i < element.length(); i++) {
            char c = element.charAt(i);
            if (c == '~') {
                b.append('/');
            } else if (c == '-') {
                b.append((char) Integer.parseInt(element.substring(i + 1, i + 5), 16));
                i += 4;
            } else {
                b.append(c);
            }
        }
        return b.append(';').toString();
    }

    /**
     * Defines the marker interface {@code internalName} in this class's loader unless it is there
     * already; {@code user}, the loader of a class that names it, can resolve its element class.
     */
    public static void define(String internalName, ClassLoader user) {
        List<WeakReference<ClassLoader>> users = DEFINED.get(internalName);
        if (users == null) {
            synchronized (DEFINED) {
                users = DEFINED.get(internalName);
                if (users == null) {
                    try {
                        MethodHandles.lookup().defineClass(emptyInterface(internalName));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("cannot define array type marker " + internalName, e);
                    }
                    users = new CopyOnWriteArrayList<>();
                    DEFINED.put(internalName, users);
                }
            }
        }
        if (user != null && users.stream().noneMatch(u -> u.get() == user)) {
            users.add(new WeakReference<>(user));
        }
    }

    /** The marker class of plain reference-array class {@code plain}, defined if it was not yet. */
    public static Class<?> markerClass(Class<?> plain) {
        String marker = markerOf(plain.getName().replace('.', '/'));
        Class<?> element = plain;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        define(marker, element.getClassLoader());
        try {
            return Class.forName(marker.replace('/', '.'), false, ArrayTypeMarkers.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("array type marker " + marker + " was defined but is not found", e);
        }
    }

    /**
     * The plain array class a marker class stands for, its element class resolved by the loaders of
     * the classes that named it (the JDK's own classes by the boot loader).
     */
    public static Class<?> plainClass(Class<?> marker) {
        String internalName = marker.getName().replace('.', '/');
        String name = descriptorOf(internalName).replace('/', '.');
        List<WeakReference<ClassLoader>> users = DEFINED.getOrDefault(internalName, List.of());
        ClassNotFoundException missing = null;
        for (WeakReference<ClassLoader> u : users) {
            try {
                return Class.forName(name, false, u.get());
            } catch (ClassNotFoundException e) {
                missing = e;
            }
        }
        try {
            return Class.forName(name, false, null);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no class loader that named " + marker.getName() + " finds " + name,
                    missing != null ? missing : e);
        }
    }

    /** The class file of {@code public abstract interface <name>} with no members. */
    static byte[] emptyInterface(String internalName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0xCAFEBABE);
            out.writeShort(0);
            out.writeShort(52);
            out.writeShort(5);
            out.writeByte(1);
            out.writeUTF(internalName);
            out.writeByte(7);
            out.writeShort(1);
            out.writeByte(1);
            out.writeUTF("java/lang/Object");
            out.writeByte(7);
            out.writeShort(3);
            out.writeShort(0x0601);
            out.writeShort(2);
            out.writeShort(4);
            out.writeShort(0);
            out.writeShort(0);
            out.writeShort(0);
            out.writeShort(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
