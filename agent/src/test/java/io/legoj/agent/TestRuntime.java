package io.legoj.agent;

import io.legoj.memnode.MemNode;
import io.legoj.memnode.MemNodeConfig;
import io.legoj.protocol.HostPort;
import io.legoj.runtime.LegojRuntime;
import io.legoj.runtime.Mmu;
import io.legoj.runtime.RuntimeConfig;
import java.util.List;

/** One runtime for this test JVM (the {@link Mmu} entry points are static), on an in-process memnode. */
final class TestRuntime {
    private static LegojRuntime runtime;

    private TestRuntime() {
    }

    /** Installs, once, a runtime with a cache of {@code 64} frames of 4 KiB, so tests evict. */
    static synchronized LegojRuntime get() {
        if (runtime == null) {
            MemNode node = new MemNode(MemNodeConfig.of(256L << 20, "secret"));
            int port = node.start();
            RuntimeConfig config = RuntimeConfig.defaults(List.of(new HostPort("127.0.0.1", port)), "agent-tests",
                    "secret").withCache(64 * 4096, 4096);
            runtime = LegojRuntime.start(config);
            Mmu.install(runtime);
        }
        return runtime;
    }
}
