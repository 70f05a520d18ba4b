package io.legoj.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Turns every failure into one {@code [legoj] error: ...} line on stderr and an exit code; no stack traces. */
final class Errors {
    private static final String DEBUG_ENV = "LEGOJ_DEBUG";

    private final Context context;

    Errors(Context context) {
        this.context = context;
    }

    /** Bad options: the error, how to get help, exit 2. */
    int usage(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String message = oneLine(ex.getMessage());
        if (ex instanceof UnmatchedArgumentException && cl.getCommandSpec().userObject() instanceof RunCommand) {
            message += " (the application's java options go after --)";
        }
        PrintWriter err = cl.getErr();
        err.println("[legoj] error: " + message);
        err.println("[legoj] try bin/" + cl.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return CliException.USAGE;
    }

    /** A command failed: its message, exit 2 for what the user must fix, else 1. */
    int failure(Exception ex, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean debug = context.env().apply(DEBUG_ENV) != null;
        err.println("[legoj] error: " + describe(ex, debug));
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ex instanceof CliException ce ? ce.exitCode() : CliException.FAILURE;
    }

    /** The message; for exceptions that are not expected failures also the class and how to see the trace. */
    private static String describe(Exception ex, boolean debug) {
        String message = oneLine(String.valueOf(ex.getMessage()));
        if (ex instanceof CliException || ex instanceof IllegalStateException || ex instanceof IllegalArgumentException
                || ex instanceof UncheckedIOException) {
            return message;
        }
        return message + " (" + ex.getClass().getName() + (debug ? ")" : "; set " + DEBUG_ENV + "=1 for the stack trace)");
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
