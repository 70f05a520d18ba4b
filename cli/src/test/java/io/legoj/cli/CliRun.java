package io.legoj.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/** Runs the command line in this JVM with captured output. */
final class CliRun {
    record Result(int code, String out, String err) {
        String[] errLines() {
            return err.isEmpty() ? new String[0] : err.split("\n");
        }
    }

    private CliRun() {
    }

    /** The system context with the given environment, no agent and small time bounds. */
    static Context context(Map<String, String> env) {
        Context c = Context.system().withEnv(env::get).withAgentJar(Optional.empty());
        return new Context(c.env(), c.jars(), c.agentJar(), c.classpath(), c.appIo(), Duration.ofSeconds(30),
                Duration.ofSeconds(10), () -> 1L << 30);
    }

    static Context context(Map<String, String> env, Path home) {
        return context(env).withJars(new Jars(home));
    }

    static Result execute(Context context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Legoj.commandLine(context);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
