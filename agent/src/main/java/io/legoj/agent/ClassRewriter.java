package io.legoj.agent;

import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.SerialVersionUIDAdder;

/**
 * Bytes to bytes: the whole chain of rewrites for one application class, assembled in one place.
 * Knows nothing of {@code java.lang.instrument}; frames are kept (new branches get frames made from
 * the ones around them), so the writer never loads classes.
 */
public final class ClassRewriter {
    /**
     * Which rewrites apply: {@code objects} (fields in remote memory, with {@code objects=remote}),
     * {@code arrays} (primitive arrays in remote memory, with {@code arrays=remote}) and {@code files}
     * (file I/O on the storage node, with {@code storage=}).
     */
    public record Features(boolean objects, boolean arrays, boolean files) {
        public static final Features OBJECTS = new Features(true, false, false);
        public static final Features ARRAYS = new Features(false, true, false);
        public static final Features FILES = new Features(false, false, true);
    }

    private final ClassSelection selection;
    private final Features features;

    /** The object rewrites only. */
    public ClassRewriter(ClassSelection selection) {
        this(selection, Features.OBJECTS);
    }

    public ClassRewriter(ClassSelection selection, Features features) {
        this.selection = selection;
        this.features = features;
    }

    public Features features() {
        return features;
    }

    /**
     * The rewritten class: {@code kinds} decides what {@code bytes} (an application class) becomes;
     * it is not consulted (and may be null) without the object rewrites. {@code classes} finds the
     * declared methods of other classes, for the array rewrite (which runs first, on its own). Returns
     * {@code bytes} itself when nothing is to change.
     */
    public byte[] rewrite(byte[] original, ClassKinds kinds, Function<String, DeclaredMethods> classes) {
        byte[] bytes = features.arrays() ? rewriteArrays(original, classes) : original;
        boolean arrayLoops = bytes != original;
        if (!features.objects() && !arrayLoops && !FileStreamRewriter.mentionsFiles(bytes)) {
            return bytes;
        }
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        ClassVisitor chain = writer;
        if (arrayLoops) {
            // last, so that it sees every call the rewrites before it added to a loop
            chain = new ArrayLoopRewriter(chain);
        }
        if (features.objects()) {
            chain = objectRewrites(chain, bytes, kinds);
        }
        if (features.files()) {
            chain = new FileArgumentRewriter(chain);
            chain = new FileCallRewriter(chain);
            chain = new FileStreamRewriter(chain);
        }
        reader.accept(chain, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    private byte[] rewriteArrays(byte[] bytes, Function<String, DeclaredMethods> classes) {
        DeclaredMethods self = DeclaredMethods.read(bytes);
        if (!self.arraysRewritable()) {
            return bytes;
        }
        Function<String, DeclaredMethods> withSelf = name -> name.equals(self.name()) ? self : classes.apply(name);
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        boolean serializable = isA(self.name(), "java/io/Serializable", withSelf);
        ClassVisitor chain = new SerialFormRewriter(writer, bytes, serializable && !isA(self.name(), "java/io/Externalizable",
                withSelf));
        chain = new ArrayTypeRewriter(chain, new ArrayBoundaries(selection, withSelf), self, bytes);
        if (serializable) {
            // first, to see the plain class: the default serialVersionUID hashes the descriptors the rewrite changes
            chain = new SerialVersionUIDAdder(chain);
        }
        reader.accept(chain, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    /** Whether class {@code name} is {@code type} or extends or implements it, by the declarations {@code classes} reads. */
    private static boolean isA(String name, String type, Function<String, DeclaredMethods> classes) {
        if (name == null) {
            return false;
        }
        if (name.equals(type)) {
            return true;
        }
        DeclaredMethods c = classes.apply(name);
        if (c == null) {
            return false;
        }
        for (String i : c.interfaces()) {
            if (isA(i, type, classes)) {
                return true;
            }
        }
        return isA(c.superName(), type, classes);
    }

    private ClassVisitor objectRewrites(ClassVisitor next, byte[] bytes, ClassKinds kinds) {
        ClassFacts self = ClassFacts.read(bytes);
        ClassKind kind = kinds.decide(self).kind();
        boolean remote = kind != ClassKind.LOCAL;
        ClassVisitor chain = next;
        if (kind == ClassKind.REMOTE_TOP) {
            chain = new RemoteHandleAdder(chain, self.declaresHashCode());
        }
        if (remote) {
            chain = new RemoteClassMarker(chain);
        }
        chain = new FieldAccessRewriter(chain, selection, self, remote, kinds::isRemote, bytes);
        chain = new IdentityCallRewriter(chain);
        chain = new WeakReferenceRewriter(chain);
        chain = new ReflectionRewriter(chain);
        if (self.isRecord()) {
            chain = new RecordMethodsRewriter(chain);
        }
        return chain;
    }
}
