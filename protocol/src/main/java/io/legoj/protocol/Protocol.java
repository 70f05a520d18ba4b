package io.legoj.protocol;

/** Constants every peer agrees on. */
public final class Protocol {
    public static final int VERSION = 1;
    /** Default hard maximum of one frame body; a peer sending more is disconnected. */
    public static final int DEFAULT_MAX_FRAME = 16 << 20;
    /** Frame header after the length prefix: type byte and request id. */
    public static final int HEADER_BYTES = 1 + 8;
    /** Environment variable that holds the cluster secret. */
    public static final String SECRET_ENV = "LEGOJ_SECRET";

    private Protocol() {
    }
}
