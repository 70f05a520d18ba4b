package io.legoj.protocol;

/** Wire codes of the LegoJ messages; the code is the first byte of every frame body. */
public enum MessageType {
    /** node to client, first frame of every connection: nonce for the handshake. */
    CHALLENGE(1),
    /** client to node: application id, page size and the MAC of the cluster secret. */
    HELLO(2),
    /** node to client: handshake accepted. */
    WELCOME(3),
    /** node to client: a request failed; carries an {@link ErrorCode}. */
    ERROR(4),
    /** node to client: a request without a result succeeded. */
    OK(5),
    REGION_ALLOC(6),
    REGION_FREE(7),
    /** pages to write, then pages to read, in one request. */
    PAGE_BATCH(8),
    /** reply to PAGE_BATCH: the pages read, in request order. */
    PAGE_DATA(9),
    STATS(10),
    STATS_REPLY(11),
    /** payload returned unchanged: the transport baseline of the benchmarks. */
    ECHO(12),
    /** file requests name an application-relative path (see {@link FileProtocol}); replies follow each. */
    FILE_STAT(20),
    /** reply to FILE_STAT: kind (missing, file, directory, other), length, last-modified time. */
    FILE_STAT_REPLY(21),
    FILE_READ(22),
    /** reply to FILE_READ: the bytes read (fewer at the end of the file) and the file's length. */
    FILE_DATA(23),
    FILE_WRITE(24),
    FILE_APPEND(25),
    /** reply to FILE_WRITE, FILE_APPEND and FILE_CREATE: the file's length afterwards. */
    FILE_LENGTH(26),
    FILE_SET_LENGTH(27),
    FILE_CREATE(28),
    FILE_DELETE(29),
    FILE_MKDIR(30),
    FILE_RENAME(31),
    FILE_LIST(32),
    /** reply to FILE_LIST: one page of the directory's names, sorted. */
    FILE_NAMES(33),
    FILE_SYNC(34),
    /** a file request failed the way a local file system fails: code, the path(s) concerned, reason. */
    FILE_ERROR(35);

    private static final MessageType[] BY_CODE = new MessageType[64];

    static {
        for (MessageType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    public final byte code;

    MessageType(int code) {
        this.code = (byte) code;
    }

    /** The type for a wire code, or {@code null} if the code is unknown. */
    public static MessageType of(byte code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
