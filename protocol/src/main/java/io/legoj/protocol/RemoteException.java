package io.legoj.protocol;

/** A node answered a request with an {@link ErrorMessage}. */
public final class RemoteException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public RemoteException(String node, ErrorCode code, String message) {
        super(node + ": " + code + ": " + message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
