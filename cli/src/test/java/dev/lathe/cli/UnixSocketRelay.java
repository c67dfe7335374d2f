package dev.lathe.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP port on this JVM's 127.0.0.1 that relays each connection to a Unix socket: how a test reaches a
 * database that listens only inside another network namespace, through its socket directory (the JDBC
 * driver speaks TCP only).
 */
final class UnixSocketRelay implements AutoCloseable {
    private final Path socket;
    private final ServerSocketChannel server;
    private final List<SocketChannel> open = new ArrayList<>();
    private volatile boolean closed;

    UnixSocketRelay(Path socket) throws IOException {
        this.socket = socket;
        this.server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread accept = new Thread(this::accept, "relay-accept " + socket);
        accept.setDaemon(true);
        accept.start();
    }

    int port() throws IOException {
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    private void accept() {
        while (!closed) {
            SocketChannel tcp;
            try {
                tcp = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                throw new UncheckedIOException("relay to " + socket + " stopped accepting", e);
            }
            try {
                SocketChannel unix = SocketChannel.open(StandardProtocolFamily.UNIX);
                synchronized (open) {
                    open.add(tcp);
                    open.add(unix);
                }
                unix.connect(UnixDomainSocketAddress.of(socket));
                pump(tcp, unix);
                pump(unix, tcp);
            } catch (IOException e) {
                // the client sees its connection closed, as it would with the server gone
                closeAfter(tcp, e);
            }
        }
    }

    /**
     * Copies {@code from} to {@code to} until {@code from} ends, then ends {@code to}'s output; a failure
     * on either side closes both, so that each end sees its connection broken.
     */
    private void pump(SocketChannel from, SocketChannel to) {
        Thread t = new Thread(
                () -> {
                    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                    try {
                        while (from.read(buffer) >= 0) {
                            buffer.flip();
                            while (buffer.hasRemaining()) {
                                to.write(buffer);
                            }
                            buffer.clear();
                        }
                        to.shutdownOutput();
                    } catch (IOException e) {
                        closeAfter(from, e);
                        closeAfter(to, e);
                    }
                },
                "relay " + socket);
        t.setDaemon(true);
        t.start();
    }

    /** Closes {@code channel} after {@code cause} ended its connection; a failure to close joins the cause. */
    private static void closeAfter(SocketChannel channel, IOException cause) {
        try {
            channel.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** Closes the port and every relayed connection. */
    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        synchronized (open) {
            for (SocketChannel c : open) {
                c.close();
            }
        }
    }
}
