package dev.lathe.serving.http;

import dev.lathe.server.http.ApiError;
import dev.lathe.server.http.Dispatcher;
import dev.lathe.server.http.InFlight;
import dev.lathe.server.http.Response;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * One connection's requests, answered in the order they came: each through the {@link Dispatcher}, on the
 * event loop when its body is small, else on the blocking pool (the connection reads nothing more, and
 * requests already read wait their turn, until that answer is written). Counts every request in
 * {@link InFlight} until its answer is written, and answers 503 once the server drains.
 */
final class Exchanges extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(Exchanges.class.getName());

    /** A request read and counted in, waiting for its turn. */
    private record Pending(FullHttpRequest request, boolean accepted) {}

    private final Dispatcher dispatcher;
    private final InFlight inFlight;
    private final ExecutorService blocking;
    private final int inlineMaxBytes;
    // touched on the connection's event loop only
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private boolean busy;

    Exchanges(Dispatcher dispatcher, InFlight inFlight, ExecutorService blocking, int inlineMaxBytes) {
        this.dispatcher = dispatcher;
        this.inFlight = inFlight;
        this.blocking = blocking;
        this.inlineMaxBytes = inlineMaxBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        Pending next = new Pending(request, inFlight.enter());
        if (busy) {
            waiting.add(next);
        } else {
            answer(ctx, next);
        }
    }

    private void answer(ChannelHandlerContext ctx, Pending pending) {
        FullHttpRequest request = pending.request();
        String method = request.method().name();
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean head = request.method().equals(HttpMethod.HEAD);
        boolean http10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
        try {
            if (request.decoderResult().isFailure()) {
                write(
                        ctx,
                        badRequest("malformed HTTP request: "
                                + request.decoderResult().cause().getMessage()),
                        false,
                        head,
                        http10);
                return;
            }
            if (!pending.accepted()) {
                write(ctx, InFlight.refusal(), false, head, http10);
                return;
            }
            URI target;
            try {
                target = Answers.target(request.uri());
            } catch (IllegalArgumentException e) {
                write(ctx, badRequest("the request target is not a URI: " + e.getMessage()), false, head, http10);
                return;
            }
            String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
            byte[] body = ByteBufUtil.getBytes(request.content());
            if (body.length <= inlineMaxBytes) {
                Response response =
                        dispatcher.respond(method, target.getPath(), target.getRawQuery(), contentType, () -> body);
                write(ctx, response, keepAlive, head, http10);
                return;
            }
            busy = true;
            readWhenReady(ctx);
            try {
                blocking.execute(() -> {
                    Response response =
                            dispatcher.respond(method, target.getPath(), target.getRawQuery(), contentType, () -> body);
                    ctx.executor().execute(() -> {
                        busy = false;
                        write(ctx, response, keepAlive, head, http10);
                        readWhenReady(ctx);
                        answerWaiting(ctx);
                    });
                });
            } catch (RejectedExecutionException e) { // the server is stopping
                busy = false;
                write(ctx, InFlight.refusal(), false, head, http10);
            }
        } finally {
            request.release();
        }
    }

    private void answerWaiting(ChannelHandlerContext ctx) {
        while (!busy && !waiting.isEmpty()) {
            answer(ctx, waiting.poll());
        }
    }

    /** Writes {@code response}, counts its request out once written, and closes the connection unless kept alive. */
    private void write(ChannelHandlerContext ctx, Response response, boolean keepAlive, boolean head, boolean http10) {
        var written = ctx.writeAndFlush(Answers.of(response, keepAlive, head, http10));
        written.addListener(f -> inFlight.exit());
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        readWhenReady(ctx);
    }

    /**
     * Reads more of the connection only when it is not waiting for the blocking pool and its answers are
     * being taken (a client that sends without reading fills the write buffer past its high-water mark).
     */
    private void readWhenReady(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(!busy && ctx.channel().isWritable());
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        readWhenReady(ctx);
        super.channelWritabilityChanged(ctx);
    }

    private static Response badRequest(String message) {
        return new ApiError(400, "BAD_REQUEST", message).response();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent && !busy) {
            ctx.close();
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        Pending p;
        while ((p = waiting.poll()) != null) { // the client left: its waiting requests will not be answered
            p.request().release();
            inFlight.exit();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(
                System.Logger.Level.DEBUG,
                "connection " + ctx.channel().remoteAddress() + " failed; closing it",
                cause);
        ctx.close();
    }
}
