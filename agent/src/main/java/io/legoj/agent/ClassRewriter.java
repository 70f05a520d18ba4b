package io.legoj.agent;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;

/**
 * Bytes to bytes: the whole chain of rewrites for one application class, assembled in one place.
 * Knows nothing of {@code java.lang.instrument}; frames are kept (only straight-line code is added),
 * so the writer never loads classes.
 */
public final class ClassRewriter {
    private final ClassSelection selection;

    public ClassRewriter(ClassSelection selection) {
        this.selection = selection;
    }

    /** The rewritten class: {@code kinds} decides what {@code bytes} (an application class) becomes. */
    public byte[] rewrite(byte[] bytes, ClassKinds kinds) {
        ClassFacts self = ClassFacts.read(bytes);
        ClassKind kind = kinds.decide(self).kind();
        boolean remote = kind != ClassKind.LOCAL;
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        ClassVisitor chain = writer;
        if (kind == ClassKind.REMOTE_TOP) {
            chain = new RemoteHandleAdder(chain, self.declaresHashCode());
        }
        if (remote) {
            chain = new RemoteClassMarker(chain);
        }
        chain = new FieldAccessRewriter(chain, selection, self, remote);
        chain = new IdentityCallRewriter(chain);
        chain = new WeakReferenceRewriter(chain);
        chain = new ReflectionRewriter(chain);
        if (self.isRecord()) {
            chain = new RecordMethodsRewriter(chain);
        }
        reader.accept(chain, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }
}
