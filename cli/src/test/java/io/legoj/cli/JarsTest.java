package io.legoj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarsTest {
    @Test
    void jarsLiveUnderHome(@TempDir Path home) {
        Jars jars = new Jars(home);
        assertEquals(home.resolve("agent/target/legoj-agent.jar"), jars.agent());
        assertEquals(home.resolve("bench/target/legoj-bench.jar"), jars.bench());
    }

    @Test
    void anAgentJarMustContainItsPremainClass(@TempDir Path home) throws Exception {
        Jars jars = new Jars(home);
        Files.createDirectories(jars.agent().getParent());
        TestJars.write(jars.agent(), "io.legoj.agent.LegojAgent", null);
        assertFalse(Jars.isAgent(jars.agent()));
        CliException e = assertThrows(CliException.class, jars::requireAgent);
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("is not usable (no Premain-Class"), e.getMessage());

        TestJars.write(jars.agent(), FakeAgent.class.getName(), FakeAgent.class);
        assertTrue(Jars.isAgent(jars.agent()));
        assertEquals(jars.agent(), jars.requireAgent());
    }

    @Test
    void homeDefaultsToTheRepositoryThisClassCameFrom() {
        Path home = Jars.fromSystem().home();
        assertTrue(Files.isRegularFile(home.resolve("cli/pom.xml")), home.toString());
    }
}
