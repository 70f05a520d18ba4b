package io.legoj.examples.kvstore;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accepts clients on a loopback port, one thread per connection. A connection reads commands and
 * writes replies; when no more input is buffered (the end of a pipelined batch) it ends the batch
 * (the AOF is written) and then flushes its replies, so a client never sees a reply before its
 * change is in the AOF.
 */
final class Server implements AutoCloseable {
    private final Engine engine;
    private final ServerSocket socket;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();

    private Server(Engine engine, ServerSocket socket) {
        this.engine = engine;
        this.socket = socket;
    }

    /** Listens on 127.0.0.1:{@code port} (0 for any free port) and accepts clients in a thread. */
    static Server start(Engine engine, int port) throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Server s = new Server(engine, ss);
        Thread t = new Thread(s::acceptLoop, "kvstore-accept");
        t.setDaemon(true);
        t.start();
        return s;
    }

    int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                client.setTcpNoDelay(true);
                clients.add(client);
                Thread t = new Thread(() -> serve(client), "kvstore-client-" + client.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    System.err.println("kvstore: accept failed: " + e.getMessage());
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            RespReader in = new RespReader(new BufferedInputStream(client.getInputStream(), 1 << 16));
            RespWriter out = new RespWriter(new BufferedOutputStream(client.getOutputStream(), 1 << 16));
            try {
                converse(in, out);
            } catch (RespException e) {
                out.error("ERR " + e.getMessage());
                out.flush();
            }
        } catch (EOFException | SocketException e) {
            // the client went away
        } catch (IOException | UncheckedIOException e) {
            System.err.println("kvstore: connection failed: " + e.getMessage());
        } finally {
            clients.remove(client);
        }
    }

    private void converse(RespReader in, RespWriter out) throws IOException {
        for (List<byte[]> cmd = in.readCommand(); cmd != null; cmd = in.readCommand()) {
            boolean quit = !cmd.isEmpty() && engine.execute(cmd, out);
            if (quit || !in.hasBuffered()) {
                engine.endBatch();
                out.flush();
            }
            if (quit) {
                return;
            }
        }
    }

    /** Stops accepting and closes every connection. */
    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket c : clients) {
            c.close();
        }
    }
}
