package io.legoj.agent;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Where rewritten code meets code that takes JVM arrays: methods of classes that are not rewritten,
 * native methods, and methods of rewritten classes that override or implement one of a class that is
 * not (they keep its descriptor). Also knows which JDK callees keep an array they are given (it is
 * pinned local for good) and which only read it (no copy back).
 */
final class ArrayBoundaries {
    private final ClassSelection selection;
    /** Declared methods of a class by internal name, or null when its bytes cannot be found. */
    private final Function<String, DeclaredMethods> classes;

    ArrayBoundaries(ClassSelection selection, Function<String, DeclaredMethods> classes) {
        this.selection = selection;
        this.classes = classes;
    }

    /** True when {@code internalName} is an application class whose arrays are rewritten. */
    boolean isApplication(String internalName) {
        if (!selection.isApplication(internalName)) {
            return false;
        }
        DeclaredMethods m = classes.apply(internalName);
        return m == null || m.arraysRewritable();
    }

    /**
     * True when the field a field instruction names is declared by application code (or cannot be
     * found), so has the rewritten type; false for a JDK class's field, even one named through an
     * application subclass ({@code buf} of a {@code ByteArrayOutputStream} subclass). Resolves as the
     * JVM does: the class, its superinterfaces, then its superclass.
     */
    boolean isApplicationField(String owner, String name, String descriptor) {
        if (!isApplication(owner)) {
            return false;
        }
        String declarer = fieldDeclarer(owner, name + descriptor, new HashSet<>());
        return declarer == null || isApplication(declarer);
    }

    private String fieldDeclarer(String c, String field, Set<String> seen) {
        if (c == null || !seen.add(c)) {
            return null;
        }
        DeclaredMethods m = classes.apply(c);
        if (m == null) {
            return null;
        }
        if (m.fields().contains(field)) {
            return c;
        }
        for (String i : m.interfaces()) {
            String d = fieldDeclarer(i, field, seen);
            if (d != null) {
                return d;
            }
        }
        return fieldDeclarer(m.superName(), field, seen);
    }

    /** True when the method a call to {@code owner.name desc} resolves to takes and returns JVM arrays. */
    boolean takesJvmArrays(String owner, String name, String descriptor) {
        if (!isApplication(owner)) {
            return true;
        }
        return resolvesToJvm(owner, name, descriptor, new HashSet<>());
    }

    private boolean resolvesToJvm(String c, String name, String descriptor, Set<String> seen) {
        if (c == null || !seen.add(c)) {
            return false;
        }
        if (!isApplication(c)) {
            return declaredAbove(c, name, descriptor, new HashSet<>());
        }
        DeclaredMethods m = classes.apply(c);
        if (m == null) {
            return false;
        }
        Integer access = m.methods().get(name + descriptor);
        if (access != null) {
            return keepsJvmDescriptor(m, name, descriptor, access);
        }
        if (resolvesToJvm(m.superName(), name, descriptor, seen)) {
            return true;
        }
        for (String i : m.interfaces()) {
            if (resolvesToJvm(i, name, descriptor, seen)) {
                return true;
            }
        }
        return false;
    }

    /** True when a method that application class {@code c} declares keeps its JVM descriptor. */
    boolean keepsJvmDescriptor(DeclaredMethods c, String name, String descriptor, int access) {
        if ((access & Opcodes.ACC_NATIVE) != 0) {
            return true;
        }
        if (isMain(name, descriptor, access)) {
            return true;
        }
        if ((access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) != 0 || name.equals("<init>")) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        if (overridesJvm(c.superName(), name, descriptor, seen)) {
            return true;
        }
        for (String i : c.interfaces()) {
            if (overridesJvm(i, name, descriptor, seen)) {
                return true;
            }
        }
        return false;
    }

    /** {@code public static void main(String[])}: the launcher calls it by its JVM descriptor. */
    private static boolean isMain(String name, String descriptor, int access) {
        return name.equals("main") && descriptor.equals("([Ljava/lang/String;)V") && (access & Opcodes.ACC_STATIC) != 0;
    }

    /**
     * Methods ({@code name + descriptor}, JVM arrays) that a JDK supertype of {@code c} declares and
     * that {@code c} gets from an application superclass where the descriptor was rewritten: the JDK
     * calls them by the JVM descriptor, so {@code c} needs a bridge to the inherited method.
     */
    Set<String> inheritedWithRewrittenDescriptor(DeclaredMethods c) {
        Set<String> jdk = new HashSet<>();
        collectJdkMethods(c.superName(), jdk, new HashSet<>());
        for (String i : c.interfaces()) {
            collectJdkMethods(i, jdk, new HashSet<>());
        }
        Set<String> bridged = new HashSet<>();
        for (String m : jdk) {
            if (c.methods().containsKey(m)) {
                continue;
            }
            int paren = m.indexOf('(');
            String name = m.substring(0, paren);
            String descriptor = m.substring(paren);
            for (String s = c.superName(); s != null && isApplication(s); ) {
                DeclaredMethods sm = classes.apply(s);
                if (sm == null) {
                    break;
                }
                Integer access = sm.methods().get(m);
                if (access != null) {
                    if (!keepsJvmDescriptor(sm, name, descriptor, access)) {
                        bridged.add(m);
                    }
                    break;
                }
                s = sm.superName();
            }
        }
        return bridged;
    }

    /** Instance methods with arrays of the JDK types reachable from {@code c} (through application types). */
    private void collectJdkMethods(String c, Set<String> into, Set<String> seen) {
        if (c == null || !seen.add(c)) {
            return;
        }
        DeclaredMethods m = classes.apply(c);
        if (m == null) {
            return;
        }
        if (!isApplication(c)) {
            m.methods().forEach((nameAndDescriptor, access) -> {
                if ((access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) == 0 && !nameAndDescriptor.startsWith("<")
                        && ArrayTypes.mentions(nameAndDescriptor.substring(nameAndDescriptor.indexOf('(')))) {
                    into.add(nameAndDescriptor);
                }
            });
        }
        collectJdkMethods(m.superName(), into, seen);
        for (String i : m.interfaces()) {
            collectJdkMethods(i, into, seen);
        }
    }

    /**
     * True when an application supertype of {@code c} declares {@code name + descriptor} with the
     * rewritten descriptor while {@code c}'s own declaration keeps the JVM one: callers through that
     * supertype use the rewritten descriptor, so {@code c} needs a bridge by it to its own method.
     */
    boolean overridesRewrittenDescriptor(DeclaredMethods c, String name, String descriptor) {
        return declaresRewritten(c.superName(), name, descriptor, new HashSet<>())
                || c.interfaces().stream().anyMatch(i -> declaresRewritten(i, name, descriptor, new HashSet<>()));
    }

    private boolean declaresRewritten(String c, String name, String descriptor, Set<String> seen) {
        if (c == null || !seen.add(c) || !isApplication(c)) {
            return false;
        }
        DeclaredMethods m = classes.apply(c);
        if (m == null) {
            return false;
        }
        Integer access = m.methods().get(name + descriptor);
        if (access != null && !keepsJvmDescriptor(m, name, descriptor, access)) {
            return true;
        }
        return declaresRewritten(m.superName(), name, descriptor, seen)
                || m.interfaces().stream().anyMatch(i -> declaresRewritten(i, name, descriptor, seen));
    }

    private boolean overridesJvm(String c, String name, String descriptor, Set<String> seen) {
        if (c == null || !seen.add(c)) {
            return false;
        }
        if (!isApplication(c)) {
            return declaredAbove(c, name, descriptor, new HashSet<>());
        }
        DeclaredMethods m = classes.apply(c);
        if (m == null) {
            return false;
        }
        if (overridesJvm(m.superName(), name, descriptor, seen)) {
            return true;
        }
        for (String i : m.interfaces()) {
            if (overridesJvm(i, name, descriptor, seen)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code c} (not rewritten) or one of its supertypes declares the method. */
    private boolean declaredAbove(String c, String name, String descriptor, Set<String> seen) {
        if (c == null || !seen.add(c)) {
            return false;
        }
        DeclaredMethods m = classes.apply(c);
        if (m == null) {
            return false;
        }
        if (m.methods().containsKey(name + descriptor)) {
            return true;
        }
        if (declaredAbove(m.superName(), name, descriptor, seen)) {
            return true;
        }
        for (String i : m.interfaces()) {
            if (declaredAbove(i, name, descriptor, seen)) {
                return true;
            }
        }
        return false;
    }

    /** JDK callees that keep a reference to an array argument: it must stay their array. */
    static boolean keepsArgument(String owner, String name) {
        return isRawAccess(owner)
                || owner.startsWith("java/nio/") && owner.endsWith("Buffer") && name.equals("wrap")
                || name.equals("<init>") && (owner.equals("java/io/ByteArrayInputStream")
                        || owner.equals("java/io/CharArrayReader"))
                || owner.startsWith("java/util/zip/") && name.equals("setInput")
                || owner.equals("java/util/Arrays") && name.equals("asList");
    }

    /**
     * Method and var handles (an array element or byte-array view handle works on the JVM array) and
     * {@code Unsafe} (raw offsets into the JVM array): an array they are given must be its JVM array
     * for good, so that element accesses through them and through rewritten code meet.
     */
    static boolean isRawAccess(String owner) {
        return owner.equals("java/lang/invoke/VarHandle") || owner.equals("java/lang/invoke/MethodHandle")
                || owner.equals("sun/misc/Unsafe") || owner.equals("jdk/internal/misc/Unsafe");
    }

    /**
     * True when argument {@code i}, a primitive array, is followed by {@code (int off, int len)} that
     * bound what the callee touches: stream, digest, buffer and string methods with that shape (an
     * argument after the pair, if any, is not an {@code int}, which rules out {@code (array, from, to, x)}
     * helpers such as {@code Arrays.fill}).
     */
    static boolean takesRange(String owner, String name, Type[] args, int i) {
        if (i + 2 >= args.length || args[i].getDimensions() != 1
                || args[i + 1].getSort() != Type.INT || args[i + 2].getSort() != Type.INT
                || i + 3 < args.length && args[i + 3].getSort() == Type.INT) {
            return false;
        }
        return switch (name) {
            case "read", "readFully", "readNBytes", "write", "update", "digest", "append", "get", "put", "valueOf",
                    "copyValueOf" -> !owner.equals("java/util/Arrays");
            case "<init>" -> owner.startsWith("java/lang/String");
            default -> false;
        };
    }

    /** JDK methods whose array result is new and not kept by them: it is placed like a new array. */
    static boolean returnsFreshArray(String owner, String name) {
        return switch (name) {
            case "readNBytes", "readAllBytes", "getBytes", "toByteArray", "toCharArray", "toLongArray", "digest",
                    "encode", "decode", "toArray" -> true;
            default -> false;
        };
    }

    /** JDK callees known to only read their array arguments: nothing to copy back. */
    static boolean onlyReads(String owner, String name) {
        switch (name) {
            case "write", "print", "println", "append", "insert", "update", "equals", "hashCode", "toString",
                    "deepEquals", "deepHashCode", "deepToString", "binarySearch", "mismatch", "compare", "stream",
                    "valueOf", "copyValueOf", "asList", "format", "printf" -> {
                return true;
            }
            default -> {
                return owner.startsWith("java/lang/String") && name.equals("<init>");
            }
        }
    }
}
