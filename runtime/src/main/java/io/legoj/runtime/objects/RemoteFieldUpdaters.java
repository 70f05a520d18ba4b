package io.legoj.runtime.objects;

import io.legoj.runtime.Mmu;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/** Field updaters on volatile fields of remote classes: atomic operations on remote memory. */
final class RemoteFieldUpdaters {
    private RemoteFieldUpdaters() {
    }

    /** The address of a field of {@code holder}: its object's address plus the field's offset. */
    private static final class FieldAddress {
        private final Class<?> holder;
        private final MethodHandle address;
        private final long offset;

        FieldAddress(Field f) throws ReflectiveOperationException {
            this.holder = f.getDeclaringClass();
            this.address = FieldLinker.address(f).asType(MethodType.methodType(long.class, Object.class));
            this.offset = FieldLinker.offset(f);
        }

        long of(Object obj) {
            holder.cast(obj);
            try {
                return (long) address.invokeExact(obj) + offset;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

    static final class Ints<T> extends AtomicIntegerFieldUpdater<T> {
        private final FieldAddress at;

        Ints(Field f) throws ReflectiveOperationException {
            this.at = new FieldAddress(f);
        }

        @Override
        public boolean compareAndSet(T obj, int expect, int update) {
            boolean done = Mmu.tlb().compareAndSetInt(at.of(obj), expect, update);
            Reference.reachabilityFence(obj);
            return done;
        }

        @Override
        public boolean weakCompareAndSet(T obj, int expect, int update) {
            return compareAndSet(obj, expect, update);
        }

        @Override
        public void set(T obj, int newValue) {
            Mmu.tlb().putIntVolatile(at.of(obj), newValue);
            Reference.reachabilityFence(obj);
        }

        @Override
        public void lazySet(T obj, int newValue) {
            set(obj, newValue);
        }

        @Override
        public int get(T obj) {
            int v = Mmu.tlb().getIntVolatile(at.of(obj));
            Reference.reachabilityFence(obj);
            return v;
        }
    }

    static final class Longs<T> extends AtomicLongFieldUpdater<T> {
        private final FieldAddress at;

        Longs(Field f) throws ReflectiveOperationException {
            this.at = new FieldAddress(f);
        }

        @Override
        public boolean compareAndSet(T obj, long expect, long update) {
            boolean done = Mmu.tlb().compareAndSetLong(at.of(obj), expect, update);
            Reference.reachabilityFence(obj);
            return done;
        }

        @Override
        public boolean weakCompareAndSet(T obj, long expect, long update) {
            return compareAndSet(obj, expect, update);
        }

        @Override
        public void set(T obj, long newValue) {
            Mmu.tlb().putLongVolatile(at.of(obj), newValue);
            Reference.reachabilityFence(obj);
        }

        @Override
        public void lazySet(T obj, long newValue) {
            set(obj, newValue);
        }

        @Override
        public long get(T obj) {
            long v = Mmu.tlb().getLongVolatile(at.of(obj));
            Reference.reachabilityFence(obj);
            return v;
        }
    }

    /** References compare by identity, which on remote memory is the encoded reference. */
    static final class Refs<T, V> extends AtomicReferenceFieldUpdater<T, V> {
        private final FieldAddress at;
        private final Class<V> type;

        Refs(Field f, Class<V> type) throws ReflectiveOperationException {
            this.at = new FieldAddress(f);
            this.type = type;
        }

        @Override
        public boolean compareAndSet(T obj, V expect, V update) {
            long a = at.of(obj);
            long e = io.legoj.runtime.objects.Refs.encode(expect);
            long u = io.legoj.runtime.objects.Refs.encode(type.cast(update));
            boolean done = Mmu.tlb().compareAndSetLong(a, e, u);
            Reference.reachabilityFence(obj);
            // Encoding counted a store of each; only a successful update stores one, and never the expected value.
            io.legoj.runtime.objects.Refs.release(e);
            if (!done) {
                io.legoj.runtime.objects.Refs.release(u);
            }
            return done;
        }

        @Override
        public boolean weakCompareAndSet(T obj, V expect, V update) {
            return compareAndSet(obj, expect, update);
        }

        @Override
        public void set(T obj, V newValue) {
            Mmu.tlb().putLongVolatile(at.of(obj), io.legoj.runtime.objects.Refs.encode(type.cast(newValue)));
            Reference.reachabilityFence(obj);
        }

        @Override
        public void lazySet(T obj, V newValue) {
            set(obj, newValue);
        }

        @Override
        public V get(T obj) {
            Object v = io.legoj.runtime.objects.Refs.decode(Mmu.tlb().getLongVolatile(at.of(obj)));
            Reference.reachabilityFence(obj);
            return type.cast(v);
        }
    }
}
