package io.legoj.protocol;

/**
 * The node side of the handshake, the same for every kind of node: the node sends a
 * {@link Challenge} with a fresh nonce, and the first message back must be a {@link Hello} of this
 * protocol version carrying the MAC of the cluster secret over that nonce.
 */
public final class ServerHandshake {
    private ServerHandshake() {
    }

    /**
     * {@code null} when {@code first} passes; otherwise the refusal to send before closing the
     * connection ({@code kind} names the node in the message, e.g. "memnode").
     */
    public static ErrorMessage refusal(Message first, byte[] nonce, String secret, String kind) {
        if (!(first instanceof Hello hello)) {
            return new ErrorMessage(first.requestId(), ErrorCode.NOT_AUTHENTICATED,
                    "the first message must be HELLO, got " + first.type());
        }
        if (hello.protocolVersion() != Protocol.VERSION) {
            return new ErrorMessage(0, ErrorCode.UNSUPPORTED_VERSION, "protocol version " + hello.protocolVersion()
                    + " is not supported, this " + kind + " speaks version " + Protocol.VERSION);
        }
        if (!Auth.verify(secret, nonce, hello)) {
            return new ErrorMessage(0, ErrorCode.AUTH_FAILED, "wrong cluster secret");
        }
        return null;
    }
}
