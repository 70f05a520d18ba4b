package io.legoj.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.HostPort;
import io.legoj.runtime.files.StorageClient;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code storage=}, {@code mount=} and the application id of the files. */
class StorageOptionsTest {
    @Test
    void storageAloneNeedsNoMemnodes() {
        AgentOptions o = AgentOptions.parse("storage=127.0.0.1:7000,mount=/data,/srv/x");
        o.validate();
        assertFalse(o.usesMemory());
        assertEquals(new HostPort("127.0.0.1", 7000), o.storage());
        assertEquals(List.of("/data", "/srv/x"), o.mounts());
        assertTrue(AgentOptions.parse("storage=h:1,objects=remote,memnodes=h:2").usesMemory());
        assertTrue(AgentOptions.parse("memnodes=h:2").usesMemory());
        assertNull(AgentOptions.parse("memnodes=h:2").storage());
        assertEquals(List.of(), AgentOptions.parse("storage=h:1").mounts(), "every path");
    }

    @Test
    void theFilesAppIdIsStableAcrossRuns() {
        assertEquals("com.example.Main", AgentOptions.storageAppId("com.example.Main arg1 arg2"));
        assertEquals("kvstore", AgentOptions.storageAppId("/opt/apps/kvstore.jar --port 1"));
        assertEquals("app.Main", AgentOptions.storageAppId("my.module/app.Main"));
        assertEquals("p.Outer_Inner", AgentOptions.storageAppId("p.Outer$Inner"));
        assertEquals("app", AgentOptions.storageAppId(null));
        assertEquals("app", AgentOptions.storageAppId(""));
        assertEquals(64, AgentOptions.storageAppId("a".repeat(100)).length());
        StorageClient.Settings s = AgentOptions.parse("storage=h:1").storageSettings("secret", "demo.Main x");
        assertEquals("demo.Main", s.appId());
        assertEquals(TimeUnit.SECONDS.toNanos(60), s.timeoutNanos());
        StorageClient.Settings given = AgentOptions.parse("storage=h:1,appid=kv,timeout=5s").storageSettings("s", "demo.Main");
        assertEquals("kv", given.appId());
        assertEquals(TimeUnit.SECONDS.toNanos(5), given.timeoutNanos());
    }
}
