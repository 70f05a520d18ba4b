package io.legoj.agent;

import io.legoj.protocol.Auth;
import io.legoj.protocol.NodeFailureException;
import io.legoj.runtime.LegojRuntime;
import io.legoj.runtime.Mmu;
import io.legoj.runtime.RuntimeConfig;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code -javaagent} entry point: connects the runtime to the memory nodes before the application's
 * {@code main} runs, and prints the summary at exit. Class rewriting is not installed yet.
 */
public final class LegojAgent {
    /** Exit status when remote memory is lost and the application cannot go on. */
    static final int EXIT_REMOTE_MEMORY_LOST = 70;
    /** Time the application gets to fail by itself before the JVM is stopped. */
    private static final long FAILURE_GRACE_MS = 2000;

    private LegojAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        start(args);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args);
    }

    private static void start(String args) {
        LegojRuntime rt;
        try {
            RuntimeConfig config = AgentOptions.parse(args).runtimeConfig(Auth.secretFromEnvironment(), defaultAppId());
            rt = LegojRuntime.start(config);
        } catch (IllegalArgumentException | IllegalStateException e) {
            exit("error: " + e.getMessage(), 2);
            return;
        } catch (NodeFailureException e) {
            exit("error: cannot use " + e.getMessage(), 1);
            return;
        }
        Mmu.install(rt);
        rt.remote().onNodeFailure(LegojAgent::nodeFailed);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println("[legoj] summary: " + rt.summary()
                + " local_heap_used=" + usedHeap()), "legoj-summary"));
    }

    private static String defaultAppId() {
        return "pid" + ProcessHandle.current().pid() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** A memory node is gone and holds the only copy of some pages: say so, and stop if the app does not. */
    private static void nodeFailed(NodeFailureException e) {
        System.err.println("[legoj] fatal: " + e.getMessage() + "; this application's pages on it are lost "
                + "(no replica); stopping");
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(FAILURE_GRACE_MS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
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
