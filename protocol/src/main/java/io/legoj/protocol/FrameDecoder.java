package io.legoj.protocol;

import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/** Splits the stream at the u32 length prefix; a frame over the maximum fails at once (TooLongFrameException). */
public final class FrameDecoder extends LengthFieldBasedFrameDecoder {
    public FrameDecoder(int maxFrame) {
        super(maxFrame + 4, 0, 4, 0, 4, true);
        if (maxFrame < Protocol.HEADER_BYTES) {
            throw new IllegalArgumentException("maxFrame must be at least " + Protocol.HEADER_BYTES + ", got " + maxFrame);
        }
    }
}
