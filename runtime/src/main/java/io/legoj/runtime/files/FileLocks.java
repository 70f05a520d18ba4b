package io.legoj.runtime.files;

import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * File locks of remote channels, held within this JVM: as with the JDK, a lock overlapping one
 * this JVM already holds on the same file throws {@code OverlappingFileLockException}. The storage
 * node has no locks, so other JVMs of the same application are not excluded.
 */
final class FileLocks {
    private static final Map<String, List<Lock>> HELD = new HashMap<>();

    private FileLocks() {
    }

    private static final class Lock extends FileLock {
        private boolean valid = true;

        Lock(RemoteFileChannel channel, long position, long size, boolean shared) {
            super(channel, position, size, shared);
        }

        @Override
        public boolean isValid() {
            synchronized (HELD) {
                return valid && channel().isOpen();
            }
        }

        @Override
        public void release() throws java.io.IOException {
            if (!channel().isOpen()) {
                throw new java.nio.channels.ClosedChannelException();
            }
            drop(this);
        }
    }

    static FileLock lock(RemoteFileChannel channel, long position, long size, boolean shared) {
        Lock lock = new Lock(channel, position, size, shared);
        synchronized (HELD) {
            List<Lock> locks = HELD.computeIfAbsent(channel.node(), k -> new ArrayList<>());
            for (Lock other : locks) {
                if (other.overlaps(position, size)) {
                    throw new OverlappingFileLockException();
                }
            }
            locks.add(lock);
        }
        return lock;
    }

    static void releaseAll(RemoteFileChannel channel) {
        synchronized (HELD) {
            List<Lock> locks = HELD.get(channel.node());
            if (locks == null) {
                return;
            }
            locks.removeIf(l -> {
                if (l.channel() == channel) {
                    l.valid = false;
                    return true;
                }
                return false;
            });
            if (locks.isEmpty()) {
                HELD.remove(channel.node());
            }
        }
    }

    private static void drop(Lock lock) {
        synchronized (HELD) {
            lock.valid = false;
            String node = ((RemoteFileChannel) lock.channel()).node();
            List<Lock> locks = HELD.get(node);
            if (locks != null) {
                locks.remove(lock);
                if (locks.isEmpty()) {
                    HELD.remove(node);
                }
            }
        }
    }
}
