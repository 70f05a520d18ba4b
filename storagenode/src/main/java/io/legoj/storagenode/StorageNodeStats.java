package io.legoj.storagenode;

import io.legoj.protocol.NodeStats;
import net.openhft.chronicle.wire.SelfDescribingMarshallable;
import net.openhft.chronicle.wire.WireType;

/**
 * What {@code bin/legoj stat} shows of a storage node: the fields of {@link NodeStats} (so
 * {@link NodeStats#fromYaml} reads it too; {@code used} is the bytes of all files, {@code pages}
 * stays 0) plus the file system and journal figures.
 */
public final class StorageNodeStats extends SelfDescribingMarshallable {
    public String nodeId = "";
    public String kind = "storagenode";
    public long uptimeMs;
    public long capacity;
    public long used;
    public int applications;
    public int connections;
    public long pages;
    public long requests;
    public long bytesIn;
    public long bytesOut;
    public long rejectedConnections;
    /** regular files over all applications. */
    public long files;
    /** journal bytes written since the last checkpoint. */
    public long journalBytes;
    /** size of the journal's files on disk. */
    public long journalDiskBytes;
    public long checkpoints;
    /** journal entries found after the last checkpoint when the node started. */
    public long recoveredEntries;
    /** of those, the operations applied again (the last one of each application). */
    public long redoneEntries;

    public String toYaml() {
        return WireType.YAML_ONLY.asString(this);
    }

    public static StorageNodeStats fromYaml(String yaml) {
        return WireType.YAML_ONLY.fromString(StorageNodeStats.class, yaml);
    }
}
