package io.legoj.examples.kvstore;

/** A command failed: the server replies {@code -<message>} and the connection goes on. */
final class KvError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String WRONG_TYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
    static final String NOT_INTEGER = "ERR value is not an integer or out of range";
    static final String SYNTAX = "ERR syntax error";

    KvError(String message) {
        super(message, null, false, false);
    }

    static KvError arity(String command) {
        return new KvError("ERR wrong number of arguments for '" + command + "' command");
    }
}
