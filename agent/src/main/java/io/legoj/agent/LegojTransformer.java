package io.legoj.agent;

import io.legoj.runtime.arrays.types.ArrayTypeMarkers;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.ref.WeakReference;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The agent's only transformer: hands application classes to the {@link ClassRewriter}. A class that
 * cannot be rewritten is logged with its name and loaded as it is, which keeps it local.
 */
final class LegojTransformer implements ClassFileTransformer {
    private final ClassSelection selection;
    private final ClassRewriter rewriter;
    private final boolean logClasses;
    private final PrintStream log;
    private final Map<ClassLoader, ClassKinds> kinds = Collections.synchronizedMap(new WeakHashMap<>());
    private final Map<ClassLoader, Function<String, DeclaredMethods>> methods =
            Collections.synchronizedMap(new WeakHashMap<>());

    LegojTransformer(ClassSelection selection, ClassRewriter.Features features, boolean logClasses, PrintStream log) {
        this.selection = selection;
        this.rewriter = new ClassRewriter(selection, features);
        this.logClasses = logClasses;
        this.log = log;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
            byte[] bytes) {
        if (className == null || loader == null || loader == ClassLoader.getPlatformClassLoader() || redefined != null
                || !selection.isApplication(className)) {
            return null;
        }
        try {
            ClassKinds k = rewriter.features().objects() ? kinds.computeIfAbsent(loader, this::kindsFor) : null;
            Function<String, DeclaredMethods> m = rewriter.features().arrays()
                    ? methods.computeIfAbsent(loader, LegojTransformer::methodsFor) : null;
            byte[] out = rewriter.rewrite(bytes, k, m);
            if (out != bytes && m != null) {
                ArrayTypes.markersIn(out).forEach(marker -> ArrayTypeMarkers.define(marker, loader));
            }
            if (logClasses && k != null) {
                ClassKinds.Decision d = k.decide(ClassFacts.read(bytes));
                if (d.kind() == ClassKind.LOCAL) {
                    log.println("[legoj] class " + className.replace('/', '.') + " kept local: " + d.reason());
                }
            }
            return out == bytes ? null : out;
        } catch (Throwable t) {
            log.println("[legoj] cannot rewrite " + className.replace('/', '.') + " (class file version "
                    + version(bytes) + "), it stays local: " + t);
            return null;
        }
    }

    private ClassKinds kindsFor(ClassLoader loader) {
        WeakReference<ClassLoader> ref = new WeakReference<>(loader);
        return new ClassKinds(name -> facts(ref.get(), name), selection);
    }

    /** Declared methods of the classes {@code loader} sees (JDK classes included), read once each. */
    private static Function<String, DeclaredMethods> methodsFor(ClassLoader loader) {
        WeakReference<ClassLoader> ref = new WeakReference<>(loader);
        Map<String, Optional<DeclaredMethods>> read = new ConcurrentHashMap<>();
        return name -> read.computeIfAbsent(name, n -> Optional.ofNullable(classBytes(ref.get(), n))
                .map(DeclaredMethods::read)).orElse(null);
    }

    private static ClassFacts facts(ClassLoader loader, String internalName) {
        byte[] bytes = classBytes(loader, internalName);
        return bytes == null ? null : ClassFacts.read(bytes);
    }

    private static byte[] classBytes(ClassLoader loader, String internalName) {
        if (loader == null) {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    private static int version(byte[] bytes) {
        return bytes.length > 8 ? ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff) : -1;
    }
}
