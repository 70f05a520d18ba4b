package io.legoj.protocol;

import net.openhft.chronicle.wire.SelfDescribingMarshallable;
import net.openhft.chronicle.wire.WireType;

/**
 * What {@code bin/legoj stat} shows of a node, carried as YAML written and read by Chronicle Wire.
 * Only the node and the CLI load this class: the processor's runtime never does.
 */
public final class NodeStats extends SelfDescribingMarshallable {
    public String nodeId = "";
    public String kind = "";
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
    /** journal bytes a restart would replay (0 without a journal). */
    public long journalBytes;
    /** size of the journal's files on disk. */
    public long journalDiskBytes;
    /** journal compactions (memnode) since the node started. */
    public long compactions;
    /** journal entries replayed when the node started. */
    public long recoveredEntries;

    public String toYaml() {
        return WireType.YAML_ONLY.asString(this);
    }

    public static NodeStats fromYaml(String yaml) {
        return WireType.YAML_ONLY.fromString(NodeStats.class, yaml);
    }
}
