package dev.lathe.serving.http;

import dev.lathe.core.LatheException;
import dev.lathe.server.http.ApiError;
import dev.lathe.server.http.Dispatcher;
import dev.lathe.server.http.Response;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Netty's aggregator of a request's body (Content-Length or chunked, {@code Expect: 100-continue}
 * answered), capped at {@link Dispatcher#MAX_BODY_BYTES}: a larger body is refused as the JDK server
 * refuses it, with MLflow's error JSON naming the limit, and the connection is closed (the rest of the
 * body is not read).
 */
final class BodyAggregator extends HttpObjectAggregator {
    BodyAggregator() {
        super(Dispatcher.MAX_BODY_BYTES);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        if (oversized instanceof HttpRequest request) {
            LatheException tooLarge = Dispatcher.tooLarge(request.method().name(), Answers.path(request.uri()));
            Response refusal =
                    ApiError.of(tooLarge.errorCode(), tooLarge.getMessage()).response();
            ctx.writeAndFlush(Answers.of(refusal, false, false, false)).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }
}
