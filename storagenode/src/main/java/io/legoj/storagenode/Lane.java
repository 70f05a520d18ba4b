package io.legoj.storagenode;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks one at a time, in submission order, on threads of a shared pool: the requests of one
 * application keep their order (and so does every file of it) while applications run in parallel.
 * Each task happens-before the next.
 */
final class Lane implements Executor {
    private static final int BATCH = 64;

    private final Executor pool;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    Lane(Executor pool) {
        this.pool = pool;
    }

    /** Queues {@code task}; a pool that is shut down rejects it ({@code RejectedExecutionException}) and it is dropped. */
    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        try {
            schedule();
        } catch (RejectedExecutionException e) {
            tasks.remove(task);
            throw e;
        }
    }

    private void schedule() {
        if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
            try {
                pool.execute(this::drain);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
                throw e;
            }
        }
    }

    private void drain() {
        try {
            for (int i = 0; i < BATCH; i++) {
                Runnable t = tasks.poll();
                if (t == null) {
                    break;
                }
                t.run();
            }
        } finally {
            scheduled.set(false);
            schedule();
        }
    }
}
