package dev.lathe.serving.http;

import dev.lathe.core.StorageException;
import dev.lathe.server.http.Dispatcher;
import dev.lathe.server.http.InFlight;
import dev.lathe.server.http.RouteTable;
import dev.lathe.server.http.ServerThreads;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An HTTP/1.1 server on Netty for a {@link RouteTable} ({@code lathe serve}): keep-alive, Content-Length
 * and chunked bodies up to {@link Dispatcher#MAX_BODY_BYTES}, {@code Expect: 100-continue}, bounded
 * request lines and headers, idle connections closed. Small requests are answered on the connection's
 * event loop (the JDK's server cost ~160 us of CPU a request, mostly thread hand-offs); larger bodies on
 * a small blocking pool. Closing it stops accepting, answers 503 to new requests on open connections and
 * waits for the ones under way.
 */
public final class NettyServer implements AutoCloseable {
    /** Threads answering requests whose bodies are too large to answer on an event loop. */
    public static final int BLOCKING_THREADS = 4;

    static final int MAX_INITIAL_LINE = 8 << 10;
    static final int MAX_HEADERS = 16 << 10;

    private final EventLoopGroup acceptor;
    private final EventLoopGroup loops;
    private final ExecutorService blocking;
    private final Channel listening;
    private final InFlight inFlight;
    private final URI uri;
    private final AtomicBoolean closed = new AtomicBoolean();

    private NettyServer(
            EventLoopGroup acceptor,
            EventLoopGroup loops,
            ExecutorService blocking,
            Channel listening,
            InFlight inFlight) {
        this.acceptor = acceptor;
        this.loops = loops;
        this.blocking = blocking;
        this.listening = listening;
        this.inFlight = inFlight;
        InetSocketAddress bound = (InetSocketAddress) listening.localAddress();
        String host = bound.getAddress().getHostAddress();
        this.uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort());
    }

    /**
     * Serves {@code routes} at {@code address} (port 0: a free one); requests whose bodies are at most
     * {@code inlineMaxBytes} are answered on the event loop, so their handlers must not block; connections
     * idle for {@code idle} are closed.
     */
    public static NettyServer start(RouteTable routes, InetSocketAddress address, int inlineMaxBytes, Duration idle) {
        Dispatcher dispatcher = new Dispatcher(routes);
        InFlight inFlight = new InFlight();
        EventLoopGroup acceptor =
                new MultiThreadIoEventLoopGroup(1, loopThreads("lathe-accept"), NioIoHandler.newFactory());
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(
                Runtime.getRuntime().availableProcessors(), loopThreads("lathe-http"), NioIoHandler.newFactory());
        ExecutorService blocking =
                Executors.newFixedThreadPool(BLOCKING_THREADS, ServerThreads.daemons("lathe-server-"));
        try {
            Channel listening = new ServerBootstrap()
                    .group(acceptor, loops)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast(new IdleStateHandler(0, 0, idle.toMillis(), TimeUnit.MILLISECONDS))
                                    .addLast(new HttpServerCodec(new HttpDecoderConfig()
                                            .setMaxInitialLineLength(MAX_INITIAL_LINE)
                                            .setMaxHeaderSize(MAX_HEADERS)))
                                    .addLast(new BodyAggregator())
                                    .addLast(new Exchanges(dispatcher, inFlight, blocking, inlineMaxBytes));
                        }
                    })
                    .bind(address)
                    .syncUninterruptibly()
                    .channel();
            return new NettyServer(acceptor, loops, blocking, listening, inFlight);
        } catch (RuntimeException e) {
            acceptor.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            blocking.shutdownNow();
            throw new StorageException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
    }

    /** The server's base address, e.g. {@code http://127.0.0.1:5001}. */
    public URI uri() {
        return uri;
    }

    /** The port it listens on (the chosen one when started on port 0). */
    public int port() {
        return ((InetSocketAddress) listening.localAddress()).getPort();
    }

    /** Stops at once: {@link #close(Duration)} with no grace. */
    @Override
    public void close() {
        close(Duration.ZERO);
    }

    /**
     * Stops accepting connections, answers 503 to new requests on open ones while the running ones finish
     * (up to {@code grace}), then closes every connection and stops its threads.
     */
    public void close(Duration grace) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        listening.close().syncUninterruptibly();
        try {
            inFlight.drain(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loops.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        acceptor.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        ServerThreads.stop(blocking, Duration.ofSeconds(5));
    }

    /** Netty's own daemon threads, whose thread locals are array slots rather than map entries. */
    private static ThreadFactory loopThreads(String prefix) {
        return new DefaultThreadFactory(prefix, true);
    }
}
