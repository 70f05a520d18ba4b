package io.legoj.examples.kvstore;

/** Malformed RESP input: the server answers {@code -ERR Protocol error: ...} and closes the connection. */
final class RespException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RespException(String message) {
        super(message);
    }
}
