package io.legoj.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bin/legoj}: the LegoJ command line. */
@Command(name = "legoj", description = "Run unmodified Java applications on disaggregated memory and storage nodes.",
        synopsisSubcommandLabel = "COMMAND")
public final class Legoj implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    /** One line per log record, before any logger exists; a user's own setting wins. */
    private static final String LOG_FORMAT = "%4$s %3$s: %5$s%6$s%n";

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", LOG_FORMAT);
        }
        System.exit(commandLine(Context.system()).execute(args));
    }

    /** The command tree, with its error handling, on the given context. */
    static CommandLine commandLine(Context context) {
        CommandLine cl = new CommandLine(new Legoj())
                .addSubcommand(new MemnodeCommand(context))
                .addSubcommand(new StoragenodeCommand(context))
                .addSubcommand(new CommandLine(new RunCommand(context)).setStopAtPositional(true))
                .addSubcommand(new StatCommand(context))
                .addSubcommand(new CommandLine(new BenchCommand(context)).setStopAtPositional(true))
                .addSubcommand(new DemoCommand(context));
        Errors errors = new Errors(context);
        return cl.setExpandAtFiles(false)
                .setParameterExceptionHandler(errors::usage)
                .setExecutionExceptionHandler(errors::failure);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CliException.USAGE;
    }
}
