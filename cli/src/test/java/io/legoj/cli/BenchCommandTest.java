package io.legoj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.legoj.bench.BenchMain;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    @TempDir
    Path home;

    @Test
    void runsBenchMainWithTheArgumentsAndPassesItsExitCodeThrough() throws Exception {
        Jars jars = new Jars(home);
        Files.createDirectories(jars.bench().getParent());
        TestJars.write(jars.bench(), null, BenchMain.class);
        Path out = home.resolve("out");
        Context c = CliRun.context(Map.of(), home).withAppIo(new Context.AppIo(Redirect.PIPE,
                Redirect.to(out.toFile()), Redirect.INHERIT));
        CliRun.Result r = CliRun.execute(c, "bench", "pagefault", "--pages", "10", "-v");
        assertEquals(4, r.code(), r.err());
        assertEquals("bench pagefault --pages 10 -v home=" + home + "\n", Files.readString(out));
    }

    @Test
    void aBenchJarWithoutBenchMainIsRejected() throws Exception {
        Jars jars = new Jars(home);
        Files.createDirectories(jars.bench().getParent());
        TestJars.write(jars.bench(), null, null);
        CliRun.Result r = CliRun.execute(CliRun.context(Map.of(), home), "bench", "pagefault");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("[legoj] error: " + jars.bench() + " is not usable (no io.legoj.bench.BenchMain)"),
                r.err());
    }
}
