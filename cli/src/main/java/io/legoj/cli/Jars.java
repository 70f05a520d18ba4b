package io.legoj.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** Where the LegoJ jars are: under the repository root given by {@code -Dlegoj.home} (set by bin/legoj). */
final class Jars {
    private final Path home;

    Jars(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    /** From {@code -Dlegoj.home}, else from where this class was loaded ({@code <home>/cli/target/...}). */
    static Jars fromSystem() {
        String h = System.getProperty("legoj.home");
        return new Jars(h != null && !h.isEmpty() ? Path.of(h) : inferredHome());
    }

    private static Path inferredHome() {
        try {
            Path target = Path.of(Jars.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
            boolean inTarget = target != null && target.getParent() != null
                    && "target".equals(String.valueOf(target.getFileName()));
            return inTarget ? target.getParent().getParent() : Path.of("");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("");
        }
    }

    Path home() {
        return home;
    }

    Path agent() {
        return home.resolve("agent/target/legoj-agent.jar");
    }

    Path bench() {
        return home.resolve("bench/target/legoj-bench.jar");
    }

    Path examples() {
        return home.resolve("examples/target/legoj-examples.jar");
    }

    String buildCommand() {
        return "(cd " + home + " && mvn -q -DskipTests package)";
    }

    /** The jar, or a usage error telling how to build it. */
    Path require(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new CliException(CliException.USAGE, jar + " is missing: build it with " + buildCommand());
        }
        return jar;
    }

    /** The agent jar, checked to contain the class its manifest names as {@code Premain-Class}. */
    Path requireAgent() {
        Path jar = require(agent());
        if (!isAgent(jar)) {
            throw unusable(jar, "no Premain-Class, or the class is missing");
        }
        return jar;
    }

    /** The bench jar, checked to contain {@code mainClass}. */
    Path requireBench(String mainClass) {
        Path jar = require(bench());
        if (!contains(jar, mainClass)) {
            throw unusable(jar, "no " + mainClass);
        }
        return jar;
    }

    /** The examples jar, checked to contain {@code mainClass}. */
    Path requireExamples(String mainClass) {
        Path jar = require(examples());
        if (!contains(jar, mainClass)) {
            throw unusable(jar, "no " + mainClass);
        }
        return jar;
    }

    private CliException unusable(Path jar, String why) {
        return new CliException(CliException.USAGE, jar + " is not usable (" + why + "): rebuild it with "
                + buildCommand());
    }

    static boolean isAgent(Path jar) {
        return premainClass(jar).map(c -> contains(jar, c)).orElse(false);
    }

    private static Optional<String> premainClass(Path jar) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest m = jf.getManifest();
            return Optional.ofNullable(m == null ? null : m.getMainAttributes().getValue("Premain-Class"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static boolean contains(Path jar, String className) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            return jf.getEntry(className.replace('.', '/') + ".class") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
