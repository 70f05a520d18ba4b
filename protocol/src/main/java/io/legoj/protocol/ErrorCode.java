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
    INTERNAL(9),
    /** file errors, carried by {@link FileError}: each maps to the JDK exception of a local file system. */
    NOT_FOUND(20),
    ALREADY_EXISTS(21),
    NOT_A_DIRECTORY(22),
    IS_A_DIRECTORY(23),
    DIRECTORY_NOT_EMPTY(24),
    ACCESS_DENIED(25),
    /** a path with {@code ..}, {@code .}, a leading {@code /}, an empty name, a NUL, or too long. */
    INVALID_PATH(26),
    /** any other failure of the node's file system (disk full, I/O error); the reason says which. */
    IO_ERROR(27);

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
