package io.legoj.agent;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Decides, once per class of one class loader, whether a class is remote, following the design: a
 * remote class's superclasses are remote classes or {@code Object}. What cannot (yet) be kept exact
 * stays local, with the reason.
 */
public final class ClassKinds {
    /** A class's kind and, for a local class, why. */
    public record Decision(ClassKind kind, String reason) {
        static Decision local(String reason) {
            return new Decision(ClassKind.LOCAL, reason);
        }
    }

    private final Function<String, ClassFacts> facts;
    private final ClassSelection selection;
    private final Map<String, Decision> decided = new ConcurrentHashMap<>();

    /** @param facts facts of an application class by internal name, or null when its bytes cannot be found */
    public ClassKinds(Function<String, ClassFacts> facts, ClassSelection selection) {
        this.facts = facts;
        this.selection = selection;
    }

    public Decision decide(ClassFacts c) {
        Decision d = decided.get(c.name());
        if (d == null) {
            d = compute(c);
            decided.put(c.name(), d);
        }
        return d;
    }

    /**
     * True when the application class {@code internalName} is remote, decided from its bytes as
     * when it loads; false when they cannot be read.
     */
    public boolean isRemote(String internalName) {
        if (!selection.isApplication(internalName)) {
            return false;
        }
        ClassFacts c = facts.apply(internalName);
        return c != null && decide(c).kind() != ClassKind.LOCAL;
    }

    private Decision compute(ClassFacts c) {
        if (c.isInterface()) {
            return Decision.local("interface");
        }
        if (c.isEnum()) {
            return Decision.local("enum");
        }
        if (c.hasNativeMethods()) {
            return Decision.local("declares native methods");
        }
        if (isSerializable(c.name())) {
            return Decision.local("Serializable: serialization of remote objects is not supported yet");
        }
        String sup = c.superName();
        if ("java/lang/Object".equals(sup) || c.isRecord()) {
            return new Decision(ClassKind.REMOTE_TOP, null);
        }
        if (!selection.isApplication(sup)) {
            return Decision.local("extends " + sup.replace('/', '.') + ", a class with state outside the application");
        }
        ClassFacts sf = facts.apply(sup);
        if (sf == null) {
            return Decision.local("the bytes of its superclass " + sup.replace('/', '.') + " cannot be read");
        }
        if (decide(sf).kind() == ClassKind.LOCAL) {
            return Decision.local("its superclass " + sup.replace('/', '.') + " is local");
        }
        return new Decision(ClassKind.REMOTE_SUB, null);
    }

    /** True when the class or a supertype is {@link Serializable}, looked up without loading application classes. */
    boolean isSerializable(String name) {
        if (name == null || "java/lang/Object".equals(name)) {
            return false;
        }
        if ("java/io/Serializable".equals(name)) {
            return true;
        }
        if (!selection.isApplication(name)) {
            return jdkSerializable(name);
        }
        ClassFacts c = facts.apply(name);
        if (c == null) {
            return false;
        }
        for (String i : c.interfaces()) {
            if (isSerializable(i)) {
                return true;
            }
        }
        return isSerializable(c.superName());
    }

    private static boolean jdkSerializable(String name) {
        String dotted = name.replace('/', '.');
        for (ClassLoader l : new ClassLoader[] {null, ClassLoader.getPlatformClassLoader()}) {
            try {
                return Serializable.class.isAssignableFrom(Class.forName(dotted, false, l));
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
        }
        return false;
    }
}
