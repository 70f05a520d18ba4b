package io.legoj.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How LegoJ starts JVMs: the same java binary as this one, with the flags Chronicle needs. */
final class Jvm {
    /** See DEPENDENCIES.md: without them Chronicle cannot append or read DTO fields, and phones home. */
    static final List<String> CHRONICLE_FLAGS = List.of(
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
            "-Dchronicle.analytics.disable=true",
            "-Dchronicle.announcer.disable=true");

    private Jvm() {
    }

    static String executable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** {@code java <flags> <args>} with this JVM's java binary. */
    static List<String> command(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable());
        cmd.addAll(CHRONICLE_FLAGS);
        cmd.addAll(args);
        return cmd;
    }

    /** The command of a memnode child: this CLI's {@code memnode} subcommand on the given class path. */
    static List<String> memnodeCommand(String classpath, Path home) {
        return command(List.of("-Dlegoj.home=" + home, "-cp", classpath, Legoj.class.getName(), "memnode"));
    }

    /**
     * The command of a local storagenode child: this CLI's {@code storagenode} subcommand on the given
     * class path, which logs only warnings and errors ({@link StoragenodeCommand#EMBEDDED}: the run
     * reports its address itself).
     */
    static List<String> storagenodeCommand(String classpath, Path home) {
        return command(List.of("-Dlegoj.home=" + home, "-D" + StoragenodeCommand.EMBEDDED + "=true", "-cp", classpath,
                Legoj.class.getName(), "storagenode"));
    }
}
