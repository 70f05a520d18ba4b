package io.legoj.protocol;

/** Malformed input on the wire; the connection that sent it is closed with this message as the reason. */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
