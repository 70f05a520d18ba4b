package io.legoj.protocol;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/** Event loop groups of LegoJ: NIO (no native library to ship in the agent), daemon threads. */
public final class EventLoops {
    private EventLoops() {
    }

    public static EventLoopGroup create(String name, int threads) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), NioIoHandler.newFactory());
    }
}
