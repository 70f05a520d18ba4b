/**
 * The application's files on a storage node, for the rewritten {@code java.io} and
 * {@code java.nio.file} classes: {@link io.legoj.runtime.files.StorageClient} (path operations,
 * opening files) and {@link io.legoj.runtime.files.RemoteFile} (positional and sequential I/O with
 * write-behind and read-ahead). Failures are the JDK's exceptions with the application's path
 * strings ({@link io.legoj.runtime.files.FileErrors} also makes the {@code java.io} form,
 * {@code FileNotFoundException("x (No such file or directory)")}).
 *
 * <p>An application's namespace on the node starts empty: {@code /home/u/data/x} is stored as
 * {@code home/u/data/x} under the application's root, and its directories must be created
 * (e.g. {@code createDirectories} of the working directory or of each mount prefix) before files
 * are made in them.
 */
package io.legoj.runtime.files;
