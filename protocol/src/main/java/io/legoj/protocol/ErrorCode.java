package io.legoj.protocol;

/** Error codes carried by {@link ErrorMessage}; the code is stable on the wire. */
public enum ErrorCode {
    BAD_REQUEST(1),
    UNSUPPORTED_VERSION(2),
    AUTH_FAILED(3),
    NOT_AUTHENTICATED(4),
    /** the node has no capacity left for this write or region. */
    FULL(5),
    NO_SUCH_REGION(6),
    OUT_OF_REGION(7),
    PAGE_SIZE_MISMATCH(8),
    INTERNAL(9);

    public final short code;

    ErrorCode(int code) {
        this.code = (short) code;
    }

    public static ErrorCode of(short code) {
        for (ErrorCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return BAD_REQUEST;
    }
}
