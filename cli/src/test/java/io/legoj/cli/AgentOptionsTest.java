package io.legoj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.legoj.protocol.HostPort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AgentOptionsTest {
    @Test
    void writesEveryOptionInTheAgentsSyntax() {
        String s = new AgentOptions()
                .memnodes(List.of(HostPort.parse("127.0.0.1:7001"), HostPort.parse("10.0.0.2:7002")))
                .storage(HostPort.parse("127.0.0.1:7100"))
                .cache(64L << 20).page(4096L).replicas(2).appId("kv").objects("remote")
                .build();
        assertEquals("memnodes=127.0.0.1:7001,10.0.0.2:7002,storage=127.0.0.1:7100,cache=64m,page=4k,replicas=2,appid=kv,"
                + "objects=remote", s);
    }

    @Test
    void leavesOutWhatIsNotGiven() {
        assertEquals("memnodes=h:1", new AgentOptions().memnodes(List.of(HostPort.parse("h:1"))).storage(null)
                .cache(null).page(null).replicas(null).appId(null).build());
        assertEquals("", new AgentOptions().memnodes(List.of()).build());
    }

    @Test
    void sizesThatAreNotWholeUnitsStayInBytes() {
        assertEquals("cache=1536k,page=512", new AgentOptions().cache(1536L << 10).page(512L).build());
        assertEquals("cache=1000", new AgentOptions().cache(1000L).build());
    }

    @Test
    void runBuildsTheOptionsFromItsFlags() {
        RunCommand run = new RunCommand(CliRun.context(Map.of()));
        new CommandLine(run).parseArgs("--cache", "32m", "--page", "16k", "--replicas", "2", "--appid", "app",
                "--storage", "127.0.0.1:9000", "--mount", "/data,out", "--", "Main");
        assertEquals("memnodes=127.0.0.1:1,127.0.0.1:2,storage=127.0.0.1:9000,mount=/data,out,cache=32m,page=16k,replicas=2,"
                + "appid=app",
                run.agentOptions(List.of(HostPort.parse("127.0.0.1:1"), HostPort.parse("127.0.0.1:2"))));
    }
}
