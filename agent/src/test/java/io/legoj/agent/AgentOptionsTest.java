package io.legoj.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.protocol.HostPort;
import io.legoj.runtime.RuntimeConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {
    @Test
    void listValuesContinueAcrossCommas() {
        RuntimeConfig c = AgentOptions.parse("memnodes=127.0.0.1:7001,127.0.0.1:7002,cache=8m,page=16k,appid=kv,timeout=500ms")
                .runtimeConfig("s", "default");
        assertEquals(List.of(new HostPort("127.0.0.1", 7001), new HostPort("127.0.0.1", 7002)), c.memnodes());
        assertEquals(8L << 20, c.cacheBytes());
        assertEquals(16 << 10, c.pageSize());
        assertEquals("kv", c.appId());
        assertEquals(Duration.ofMillis(500), c.timeout());
        assertEquals(Duration.ZERO, c.reconnect());
        assertEquals(Duration.ofSeconds(30), AgentOptions.parse("memnodes=h:1,reconnect=30s").runtimeConfig("s", "a")
                .reconnect());
    }

    @Test
    void defaultsApply() {
        RuntimeConfig c = AgentOptions.parse("memnodes=h:1").runtimeConfig("s", "app-1");
        assertEquals("app-1", c.appId());
        assertEquals(RuntimeConfig.DEFAULT_CACHE, c.cacheBytes());
        assertEquals(RuntimeConfig.DEFAULT_PAGE_SIZE, c.pageSize());
    }

    @Test
    void badOptionsAreClearErrors() {
        assertMessage("unknown agent option 'cahce'", () -> AgentOptions.parse("memnodes=h:1,cahce=8m"));
        assertMessage("given twice", () -> AgentOptions.parse("cache=1m,cache=2m"));
        assertMessage("has no value", () -> AgentOptions.parse("h:1"));
        assertMessage("memnodes=", () -> AgentOptions.parse("cache=1m").runtimeConfig("s", "a"));
        assertMessage("not a size", () -> AgentOptions.parse("memnodes=h:1,cache=big").runtimeConfig("s", "a"));
        assertMessage("not a power of two", () -> AgentOptions.parse("memnodes=h:1,page=3000").runtimeConfig("s", "a"));
        assertMessage("replicas: 2 must be from 1 to the number of memnodes (1)",
                () -> AgentOptions.parse("memnodes=h:1,replicas=2").runtimeConfig("s", "a"));
        assertMessage("is not a number", () -> AgentOptions.parse("memnodes=h:1,replicas=two").runtimeConfig("s", "a"));
        assertMessage("mount= needs storage=", () -> AgentOptions.parse("memnodes=h:1,mount=/data").validate());
        assertMessage("names no path", () -> AgentOptions.parse("storage=h:1,mount=").validate());
        assertMessage("storage=h", () -> AgentOptions.parse("storage=h").validate());
        assertMessage("not a duration", () -> AgentOptions.parse("memnodes=h:1,timeout=soon").runtimeConfig("s", "a"));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(part), ex.getMessage());
    }
}
