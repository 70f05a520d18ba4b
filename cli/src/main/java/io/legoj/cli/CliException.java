package io.legoj.cli;

/** A failure to report as one {@code [legoj] error: ...} line, ending the command with {@link #exitCode()}. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Bad options or a missing prerequisite: the user has to change something. */
    static final int USAGE = 2;
    /** The command was right but failed: a node unreachable, a child that died. */
    static final int FAILURE = 1;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
