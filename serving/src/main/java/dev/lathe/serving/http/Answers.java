package dev.lathe.serving.http;

import dev.lathe.server.http.Response;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.net.URI;

/** A route's {@link Response} as Netty's HTTP/1.1 response, with the headers the JDK server's dispatcher sends. */
final class Answers {
    private static final AsciiString NOSNIFF = AsciiString.cached("nosniff");
    private static final AsciiString CONTENT_TYPE_OPTIONS = AsciiString.cached("x-content-type-options");

    private Answers() {}

    /**
     * {@code response} with its content type, length and security headers; its body left out for a HEAD
     * request; {@code Connection: close} unless {@code keepAlive} ({@code keep-alive} said to an HTTP/1.0
     * client, for which it is not the default).
     */
    static FullHttpResponse of(Response response, boolean keepAlive, boolean head, boolean http10) {
        byte[] body = response.body();
        FullHttpResponse out = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()),
                head || body.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        HttpHeaders headers = out.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        headers.set(CONTENT_TYPE_OPTIONS, NOSNIFF);
        headers.set(HttpHeaderNames.CONTENT_SECURITY_POLICY, response.securityPolicy());
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (http10) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        return out;
    }

    /**
     * The request target (origin form {@code /p?q} or absolute form {@code http://h/p?q}) as a URI, whose
     * path is decoded as the JDK server decodes it; throws IllegalArgumentException when it is not one.
     */
    static URI target(String target) {
        return URI.create(target);
    }

    /** The decoded path of a request target, or the target as sent when it is not a URI (for messages). */
    static String path(String target) {
        try {
            return target(target).getPath();
        } catch (IllegalArgumentException e) {
            return target;
        }
    }
}
