package io.legoj.cli;

import io.legoj.protocol.Protocol;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the commands take from the world around them, so that tests can replace it: the environment,
 * the jars, the class path of child nodes, the application's standard streams and the time bounds.
 *
 * @param agentJar the agent for {@code run}, or empty to start the application without {@code -javaagent}
 * @param classpath class path of memnode child JVMs (this CLI's own)
 * @param memAvailable free memory of the machine, for the default capacity of local memnodes
 */
record Context(Function<String, String> env, Jars jars, Supplier<Optional<Path>> agentJar, String classpath,
               AppIo appIo, Duration startTimeout, Duration stopTimeout, LongSupplier memAvailable) {

    /** Where the standard streams of an application (or bench) child go. */
    record AppIo(Redirect in, Redirect out, Redirect err) {
        static final AppIo INHERIT = new AppIo(Redirect.INHERIT, Redirect.INHERIT, Redirect.INHERIT);
    }

    static Context system() {
        Jars jars = Jars.fromSystem();
        return new Context(System::getenv, jars, () -> Optional.of(jars.requireAgent()),
                System.getProperty("java.class.path"), AppIo.INHERIT, Duration.ofSeconds(30), Duration.ofSeconds(10),
                Memory::available);
    }

    /** {@code LEGOJ_SECRET}, if set and not empty. */
    Optional<String> secret() {
        String s = env.apply(Protocol.SECRET_ENV);
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    String requireSecret(String who) {
        return secret().orElseThrow(() -> new CliException(CliException.USAGE, Protocol.SECRET_ENV + " is not set: "
                + who + " needs the cluster secret, the same on every node and application of the cluster"));
    }

    Context withEnv(Function<String, String> newEnv) {
        return new Context(newEnv, jars, agentJar, classpath, appIo, startTimeout, stopTimeout, memAvailable);
    }

    Context withJars(Jars newJars) {
        return new Context(env, newJars, agentJar, classpath, appIo, startTimeout, stopTimeout, memAvailable);
    }

    Context withAgentJar(Optional<Path> jar) {
        return new Context(env, jars, () -> jar, classpath, appIo, startTimeout, stopTimeout, memAvailable);
    }

    Context withAppIo(AppIo io) {
        return new Context(env, jars, agentJar, classpath, io, startTimeout, stopTimeout, memAvailable);
    }
}
