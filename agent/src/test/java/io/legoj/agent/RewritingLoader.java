package io.legoj.agent;

import io.legoj.runtime.arrays.types.ArrayTypeMarkers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Loads the classes of one package from the test class path through the rewriters, child first, and
 * verifies every rewritten class with ASM's checker before defining it.
 */
final class RewritingLoader extends ClassLoader {
    private final String prefix;
    private final ClassRewriter rewriter;
    private final ClassKinds kinds;
    final List<String> rewritten = new ArrayList<>();

    RewritingLoader(String packagePrefix) {
        this(packagePrefix, ClassRewriter.Features.OBJECTS);
    }

    RewritingLoader(String packagePrefix, ClassRewriter.Features features) {
        super(RewritingLoader.class.getClassLoader());
        this.prefix = packagePrefix;
        ClassSelection selection = ClassSelection.defaults();
        this.rewriter = new ClassRewriter(selection, features);
        Function<String, ClassFacts> facts = name -> {
            byte[] b = bytes(name);
            return b == null ? null : ClassFacts.read(b);
        };
        this.kinds = new ClassKinds(facts, selection);
    }

    static byte[] bytes(String internalName) {
        try (InputStream in = RewritingLoader.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DeclaredMethods methods(String internalName) {
        byte[] b = bytes(internalName);
        return b == null ? null : DeclaredMethods.read(b);
    }

    ClassKinds kinds() {
        return kinds;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(prefix)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] out = rewriter.rewrite(bytes(name.replace('.', '/')), kinds, RewritingLoader::methods);
                ArrayTypes.markersIn(out).forEach(marker -> ArrayTypeMarkers.define(marker, this));
                verify(out);
                rewritten.add(name);
                c = defineClass(name, out, 0, out.length);
            }
            return c;
        }
    }

    private void verify(byte[] bytes) {
        java.io.StringWriter problems = new java.io.StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), this, false, new java.io.PrintWriter(problems));
        if (problems.toString().length() > 0) {
            throw new AssertionError("rewritten class does not verify:\n" + problems);
        }
    }
}
