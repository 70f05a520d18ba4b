package io.legoj.agent;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.TypePath;

/** Annotates a remote class with {@code @RemoteClass}, which tells the runtime its own fields are remote. */
final class RemoteClassMarker extends ClassVisitor {
    static final String ANNOTATION = "Lio/legoj/runtime/objects/RemoteClass;";
    private boolean marked;

    RemoteClassMarker(ClassVisitor next) {
        super(Opcodes.ASM9, next);
    }

    /** Class annotations come after the header items and before members: mark at the first of those. */
    private void mark() {
        if (!marked) {
            marked = true;
            super.visitAnnotation(ANNOTATION, true).visitEnd();
        }
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        mark();
        return super.visitAnnotation(descriptor, visible);
    }

    @Override
    public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
        mark();
        return super.visitTypeAnnotation(typeRef, typePath, descriptor, visible);
    }

    @Override
    public void visitAttribute(Attribute attribute) {
        mark();
        super.visitAttribute(attribute);
    }

    @Override
    public void visitNestMember(String nestMember) {
        mark();
        super.visitNestMember(nestMember);
    }

    @Override
    public void visitPermittedSubclass(String permittedSubclass) {
        mark();
        super.visitPermittedSubclass(permittedSubclass);
    }

    @Override
    public void visitInnerClass(String name, String outerName, String innerName, int access) {
        mark();
        super.visitInnerClass(name, outerName, innerName, access);
    }

    @Override
    public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
        mark();
        return super.visitRecordComponent(name, descriptor, signature);
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        mark();
        return super.visitField(access, name, descriptor, signature, value);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        mark();
        return super.visitMethod(access, name, descriptor, signature, exceptions);
    }

    @Override
    public void visitEnd() {
        mark();
        super.visitEnd();
    }
}
