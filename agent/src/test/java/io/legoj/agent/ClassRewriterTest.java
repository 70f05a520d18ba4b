package io.legoj.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.runtime.LegojRuntime;
import io.legoj.runtime.objects.RemoteClass;
import io.legoj.runtime.objects.RemoteHandle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the corpus programs once as compiled and once rewritten (fields in remote memory): same results. */
class ClassRewriterTest {
    private static LegojRuntime runtime;

    @BeforeAll
    static void runtime() {
        runtime = TestRuntime.get();
    }

    private static Object run(ClassLoader loader, String className, Class<?>[] types, Object... args) throws Exception {
        return Class.forName(className, true, loader).getMethod("run", types).invoke(null, args);
    }

    private static void sameResult(String className, Class<?>[] types, Object... args) throws Exception {
        Object plain = run(ClassRewriterTest.class.getClassLoader(), className, types, args);
        RewritingLoader loader = new RewritingLoader("corpus.");
        Object rewritten = run(loader, className, types, args);
        assertEquals(plain, rewritten);
        assertTrue(loader.rewritten.size() > 1, "rewrote " + loader.rewritten);
    }

    @Test
    void nullPointerExceptionsOfChainedRemoteReadsKeepTheJvmsMessages() throws Exception {
        sameResult("corpus.NullChains", new Class<?>[0]);
    }

    @Test
    void localsThatOnlyWalkLinkedObjectsKeepAddresses() throws Exception {
        sameResult("corpus.Walks", new Class<?>[0]);
    }

    @Test
    void runsOfAccessesToOneObjectTranslateItOnce() throws Exception {
        sameResult("corpus.Runs", new Class<?>[0]);
    }

    @Test
    void inheritanceAndFieldHiding() throws Exception {
        sameResult("corpus.Shapes", new Class<?>[0]);
    }

    @Test
    void recordsKeepTheirGeneratedMethods() throws Exception {
        sameResult("corpus.Records", new Class<?>[0]);
        assertTrue(RemoteHandle.class.isAssignableFrom(Class.forName("corpus.Records$Point", false,
                new RewritingLoader("corpus."))));
    }

    @Test
    void exceptionsCastsAndMonitorsBehaveAsBefore() throws Exception {
        sameResult("corpus.Behaviour", new Class<?>[0]);
    }

    @Test
    void clonesHaveTheirOwnFields() throws Exception {
        sameResult("corpus.Clones", new Class<?>[0]);
    }

    @Test
    void weakReferencesAndWeakMapKeysAreNotClearedEarly() throws Exception {
        sameResult("corpus.WeakRefs", new Class<?>[0]);
    }

    @Test
    void reflectionHandlesAndFieldUpdatersSeeRemoteFields() throws Exception {
        sameResult("corpus.Reflective", new Class<?>[0]);
    }

    @Test
    void unsafeOnARemoteFieldFailsLoudlyInsteadOfReadingNothing() throws Exception {
        assertEquals("value 5", run(ClassRewriterTest.class.getClassLoader(), "corpus.UnsafeUser", new Class<?>[0]));
        java.lang.reflect.InvocationTargetException e = org.junit.jupiter.api.Assertions.assertThrows(
                java.lang.reflect.InvocationTargetException.class,
                () -> run(new RewritingLoader("corpus."), "corpus.UnsafeUser", new Class<?>[0]));
        assertTrue(e.getCause() instanceof UnsupportedOperationException, String.valueOf(e.getCause()));
        assertTrue(e.getCause().getMessage().contains("exclude=corpus.UnsafeUser$Cell"), e.getCause().getMessage());
    }

    @Test
    void everyPrimitiveKindAndReferences() throws Exception {
        sameResult("corpus.Primitives", new Class<?>[0]);
    }

    @Test
    void linkedStructureLargerThanTheCacheAndIdentity() throws Exception {
        long faultsBefore = runtime.cache().counters.faults.sum();
        sameResult("corpus.Linked", new Class<?>[] {int.class}, 200_000);
        assertTrue(runtime.cache().counters.evictions.sum() > 0, runtime.summary());
        assertTrue(runtime.cache().counters.faults.sum() > faultsBefore);
    }

    @Test
    void remoteClassesAreHandlesAndLocalOnesSayWhy() throws Exception {
        RewritingLoader loader = new RewritingLoader("corpus.");
        Class<?> node = Class.forName("corpus.Linked$Node", false, loader);
        assertTrue(RemoteHandle.class.isAssignableFrom(node));
        assertTrue(node.isAnnotationPresent(RemoteClass.class));
        ClassKinds.Decision enumKind = loader.kinds().decide(ClassFacts.read(RewritingLoader.bytes("java/util/concurrent/TimeUnit")));
        assertEquals(ClassKind.LOCAL, enumKind.kind());
        assertEquals("enum", enumKind.reason());
    }
}
