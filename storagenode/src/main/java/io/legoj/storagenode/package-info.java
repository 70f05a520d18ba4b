/**
 * The storage node: the files of many applications, one namespace each, served over the LegoJ
 * protocol (see {@code io.legoj.protocol.FileProtocol}).
 *
 * <h2>Layout</h2>
 * {@code DIR/data/<appId>/<path>} holds the files exactly as the application named them (its
 * paths are relative to the application's root, without {@code ..}); {@code DIR/journal/} holds
 * the write-ahead journal: a Chronicle Queue per generation ({@code gen-NNNNNNNN/}) and the file
 * {@code checkpoint} naming the oldest generation still needed.
 *
 * <h2>A request</h2>
 * The handshake is the memnode's ({@code NodeHandler}); HELLO's page size is 1 for a file
 * session, 0 for statistics. File requests leave the event loop for the application's
 * {@link io.legoj.storagenode.Lane}: one application's requests run one at a time, in arrival
 * order, on a small pool shared by all applications. A mutation is checked first (what fails as on
 * a local file system gets a {@code FILE_ERROR} and is never journaled), then journaled, then
 * applied, then answered. Appends are journaled as writes at the offset they got, so every entry
 * can be applied twice.
 *
 * <h2>Durability</h2>
 * An acknowledged mutation survives the death of the node's process: it is in the journal, which
 * is memory-mapped, and in the files, whose pages the kernel keeps. A {@code FILE_SYNC}
 * acknowledged (the client sends one when it closes a file it wrote) means the file's data and its
 * directory entry are on the disk, as {@code fsync} does locally; what was not synced may be lost
 * if the machine itself fails, as on a local disk.
 *
 * <h2>Recovery and checkpoints</h2>
 * Because one application's mutations are journaled and applied strictly one after another, a
 * crash leaves every journaled entry applied except perhaps the last one of each application.
 * Start-up reads the entries after the checkpoint and applies those last ones again (re-applying
 * them all would be wrong: a swap through a temporary name would be undone), then checkpoints. A
 * checkpoint rolls the journal to a new generation while no mutation is in progress, forces every
 * file and directory changed since the previous one, records the new generation and deletes the
 * old ones; it runs every {@code checkpointBytes} of journal and on a timer.
 */
package io.legoj.storagenode;
