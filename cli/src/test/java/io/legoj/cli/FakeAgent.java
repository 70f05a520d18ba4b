package io.legoj.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Stands in for the LegoJ agent: writes its option string and whether it got the secret to -Dfakeagent.out. */
public final class FakeAgent {
    private FakeAgent() {
    }

    public static void premain(String options) throws IOException {
        String secret = System.getenv("LEGOJ_SECRET");
        Files.writeString(Path.of(System.getProperty("fakeagent.out")),
                options + "\nsecret=" + (secret != null && !secret.isEmpty()) + "\n", StandardCharsets.UTF_8);
    }
}
