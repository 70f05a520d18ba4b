package io.legoj.it;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the built LegoJ is (the reactor installs the jars before this module runs) and how its JVMs start. */
final class Build {
    /** The flags bin/legoj gives every JVM it starts (see DEPENDENCIES.md). */
    static final List<String> CHRONICLE_FLAGS = List.of(
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
            "-Dchronicle.analytics.disable=true",
            "-Dchronicle.announcer.disable=true");
    /** Paranoid Netty leak detection, for plain and for the agent's relocated Netty. */
    static final List<String> LEAK_FLAGS = List.of(
            "-Dio.netty.leakDetection.level=paranoid",
            "-Dio.legoj.shaded.netty.leakDetection.level=paranoid");

    private Build() {
    }

    static Path home() {
        String h = System.getProperty("legoj.home");
        if (h == null || h.isEmpty()) {
            throw new IllegalStateException("system property legoj.home is not set (it/pom.xml sets it to the repository root)");
        }
        return Path.of(h).toAbsolutePath().normalize();
    }

    static Path cliJar() {
        return existing(home().resolve("cli/target/legoj-cli.jar"));
    }

    static Path agentJar() {
        return existing(home().resolve("agent/target/legoj-agent.jar"));
    }

    static Path script() {
        return existing(home().resolve("bin/legoj"));
    }

    /** This module's compiled test classes: the only class path application JVMs get. */
    static Path testClasses() {
        try {
            return Path.of(Build.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the test classes", e);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java <flags> <args>}. */
    static List<String> javaCommand(List<String> flags, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(flags);
        cmd.addAll(args);
        return cmd;
    }

    private static Path existing(Path p) {
        if (!Files.exists(p)) {
            throw new IllegalStateException(p + " is missing: run (cd " + home() + " && mvn -q -o install -DskipTests)");
        }
        return p;
    }
}
