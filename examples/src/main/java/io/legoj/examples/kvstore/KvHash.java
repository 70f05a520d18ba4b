package io.legoj.examples.kvstore;

/** A hash value: fields to values, in insertion order. */
final class KvHash {
    final ByteMap<byte[]> fields = new ByteMap<>();
}
