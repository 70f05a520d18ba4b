package io.legoj.agent;

import io.legoj.protocol.Auth;
import io.legoj.protocol.HostPort;
import io.legoj.protocol.NodeFailureException;
import io.legoj.runtime.LegojRuntime;
import io.legoj.runtime.Mmu;
import io.legoj.runtime.PageShift;
import io.legoj.runtime.RuntimeConfig;
import io.legoj.runtime.arrays.ArrayMemory;
import io.legoj.runtime.files.RemoteFiles;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The agent proper, loaded from the bootstrap class path: connects the runtime to the memory nodes
 * and the storage node before the application's {@code main} runs, installs the class rewriting,
 * and at exit sends the open files' buffered writes and prints the summary.
 */
public final class AgentStart {
    /** Exit status when remote memory is lost and the application cannot go on. */
    static final int EXIT_REMOTE_MEMORY_LOST = 70;
    /** Time the application gets to fail by itself before the JVM is stopped. */
    private static final long FAILURE_GRACE_MS = 2000;

    private AgentStart() {
    }

    /** Called by {@link LegojAgent} through the bootstrap class loader. */
    public static void start(String args, Instrumentation inst) {
        LegojRuntime rt = null;
        RemoteFiles files = null;
        AgentOptions options;
        try {
            options = AgentOptions.parse(args);
            options.validate();
            String secret = Auth.secretFromEnvironment();
            if (options.usesMemory()) {
                // the heap waits for the JDK's reference processing after the collections it asks for
                inst.redefineModule(Object.class.getModule(), Set.of(), Map.of("jdk.internal.access",
                        Set.of(LegojRuntime.class.getModule())), Map.of(), Set.of(), Map.of());
                RuntimeConfig config = options.runtimeConfig(secret, defaultAppId());
                PageShift.pin(config.pageSize());
                rt = LegojRuntime.start(config);
            }
            HostPort storage = options.storage();
            if (storage != null) {
                files = RemoteFiles.start(storage, options.storageSettings(secret, System.getProperty("sun.java.command")),
                        options.mounts());
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            exit("error: " + e.getMessage(), 2);
            return;
        } catch (NodeFailureException e) {
            exit("error: cannot use " + e.getMessage(), 1);
            return;
        }
        if (rt != null) {
            LegojRuntime memory = rt;
            Mmu.install(memory);
            ArrayMemory arrays = options.remoteArrays()
                    ? new ArrayMemory(rt.heap(), rt.cache(), options.arrayLocalBytes(), options.remoteObjects()) : null;
            if (arrays != null) {
                ArrayMemory.install(arrays);
            }
            memory.remote().onNodeFailure(e -> nodeFailed(e, memory, arrays));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> printSummary(memory, arrays), "legoj-summary"));
        }
        if (files != null) {
            RemoteFiles.install(files);
            RemoteFiles remoteFiles = files;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> filesAtExit(remoteFiles), "legoj-files"));
        }
        ClassRewriter.Features features = new ClassRewriter.Features(options.remoteObjects(), options.remoteArrays(),
                files != null);
        if (features.objects() || features.arrays() || features.files()) {
            inst.addTransformer(new LegojTransformer(options.classSelection(), features, options.logClasses(), System.err),
                    false);
        }
    }

    /** Sends what open remote files hold back (the application may exit without closing them). */
    private static void filesAtExit(RemoteFiles files) {
        for (String failure : files.atExit()) {
            System.err.println("[legoj] error: a write to the storage node was lost at exit: " + failure);
        }
        System.err.println("[legoj] files: " + files.summary());
    }

    private static void printSummary(LegojRuntime rt, ArrayMemory arrays) {
        System.err.println("[legoj] summary: " + rt.summary() + (arrays == null ? "" : " " + arrays.summary())
                + " local_heap_used=" + usedHeap());
    }

    private static String defaultAppId() {
        return "pid" + ProcessHandle.current().pid() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** A memory node is gone and holds the only copy of some pages: say so, and stop if the app does not. */
    private static void nodeFailed(NodeFailureException e, LegojRuntime rt, ArrayMemory arrays) {
        System.err.println("[legoj] fatal: " + e.getMessage() + "; this application's pages on it are lost "
                + "(no replica); stopping");
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(FAILURE_GRACE_MS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            printSummary(rt, arrays);
            Runtime.getRuntime().halt(EXIT_REMOTE_MEMORY_LOST);
        }, "legoj-failure");
        stopper.setDaemon(true);
        stopper.start();
    }

    private static void exit(String message, int status) {
        System.err.println("[legoj] " + message);
        System.exit(status);
    }
}
