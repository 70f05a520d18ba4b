package io.legoj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import programs.BundledLibraries;

/** LegoJ's own Netty and ASM are relocated and loaded apart: an application's versions are its own. */
class BundledLibrariesTest {
    private static final String SECRET = "bundled-secret";

    /** Also with their arrays remote: both libraries are rewritten then, Netty's Unsafe use included. */
    @ParameterizedTest(name = "options [{0}]")
    @ValueSource(strings = {"", ",arrays=remote,arraylocal=0"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void anApplicationWithItsOwnNettyAndAsmRunsUnderTheAgent(String extra) {
        Path libs = Build.testClasses().getParent().resolve("app-libs");
        String cp = Build.testClasses() + ":" + libs.resolve("netty-common-4.1.118.Final.jar") + ":"
                + libs.resolve("asm-9.2.jar");
        try (MemnodeProcess node = MemnodeProcess.start(SECRET, "64m");
                AppProcess app = AppProcess.withAgentAndClassPath("memnodes=" + node.address() + extra, SECRET, cp,
                        BundledLibraries.class)) {
            assertEquals(0, app.awaitExit(Duration.ofSeconds(60)), app.describe());
            assertEquals(List.of("netty-common 4.1.118.Final", "asm read programs/BundledLibraries from asm-9.2.jar"),
                    app.stdout(), app.describe());
        }
    }
}
