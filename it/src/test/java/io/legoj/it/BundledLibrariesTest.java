package io.legoj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import programs.BundledLibraries;

/** LegoJ's own Netty and ASM are relocated and loaded apart: an application's versions are its own. */
class BundledLibrariesTest {
    private static final String SECRET = "bundled-secret";

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void anApplicationWithItsOwnNettyAndAsmRunsUnderTheAgent() {
        Path libs = Build.testClasses().getParent().resolve("app-libs");
        String cp = Build.testClasses() + ":" + libs.resolve("netty-common-4.1.118.Final.jar") + ":"
                + libs.resolve("asm-9.2.jar");
        try (MemnodeProcess node = MemnodeProcess.start(SECRET, "64m");
                AppProcess app = AppProcess.withAgentAndClassPath("memnodes=" + node.address(), SECRET, cp,
                        BundledLibraries.class)) {
            assertEquals(0, app.awaitExit(Duration.ofSeconds(60)), app.describe());
            assertEquals(List.of("netty-common 4.1.118.Final", "asm read programs/BundledLibraries from asm-9.2.jar"),
                    app.stdout(), app.describe());
        }
    }
}
