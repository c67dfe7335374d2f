package dev.lathe.serving.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.server.http.Response;
import dev.lathe.server.http.RouteTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transport under {@code lathe serve}, spoken to over raw sockets: keep-alive and pipelined requests
 * answered in order (a large body answered on the blocking pool before a small one on the event loop),
 * chunked bodies, {@code Expect: 100-continue}, the body cap, malformed requests, HTTP/1.0, and the drain.
 */
class NettyServerTest {
    private static final int INLINE = 64;

    private final CountDownLatch slowStarted = new CountDownLatch(1);
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private NettyServer server;

    @BeforeEach
    void start() {
        RouteTable routes = new RouteTable()
                .add(
                        "POST",
                        "/length",
                        r -> text(r.body().length + " " + Thread.currentThread().getName()))
                .add("GET", "/ping", r -> text("pong"))
                .add("POST", "/slow", r -> {
                    slowStarted.countDown();
                    try {
                        releaseSlow.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return text("slow " + r.body().length);
                });
        server = NettyServer.start(routes, new InetSocketAddress("127.0.0.1", 0), INLINE, Duration.ofMinutes(1));
    }

    @AfterEach
    void stop() {
        releaseSlow.countDown();
        server.close();
    }

    private static Response text(String s) {
        return new Response(200, "text/plain; charset=utf-8", s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderWhateverThreadAnswersThem() throws Exception {
        String large = "x".repeat(INLINE * 10);
        try (Socket s = connect()) {
            send(s, post("/length", large) + post("/length", "small") + get("/ping") + post("/length", large));
            List<Answer> answers = read(s, 4);
            assertEquals(200, answers.get(0).status);
            assertTrue(answers.get(0).body.startsWith(large.length() + " lathe-server-"), answers.get(0).body);
            assertTrue(answers.get(1).body.startsWith("5 lathe-http-"), answers.get(1).body);
            assertEquals("pong", answers.get(2).body);
            assertTrue(answers.get(3).body.startsWith(large.length() + " "), answers.get(3).body);
            assertEquals("nosniff", answers.get(2).header("x-content-type-options"));
        }
    }

    @Test
    void aChunkedBodyIsReadWhole() throws Exception {
        try (Socket s = connect()) {
            send(
                    s,
                    "POST /length HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n");
            Answer a = read(s, 1).get(0);
            assertEquals(200, a.status);
            assertTrue(a.body.startsWith("12 "), a.body);
        }
    }

    @Test
    void expectContinueIsAnsweredBeforeTheBodyIsSent() throws Exception {
        try (Socket s = connect()) {
            send(s, "POST /length HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
            assertEquals(100, read(s, 1).get(0).status);
            send(s, "abc");
            Answer a = read(s, 1).get(0);
            assertEquals(200, a.status);
            assertTrue(a.body.startsWith("3 "), a.body);
        }
    }

    @Test
    void aBodyOverTheCapIsRefusedWithTheErrorJsonAndTheConnectionClosed() throws Exception {
        try (Socket s = connect()) {
            send(s, "POST /length HTTP/1.1\r\nHost: x\r\nContent-Length: " + ((16 << 20) + 1) + "\r\n\r\nabc");
            Answer a = read(s, 1).get(0);
            assertEquals(400, a.status);
            assertTrue(a.body.contains("\"error_code\":\"INVALID_PARAMETER_VALUE\""), a.body);
            assertTrue(a.body.contains("POST /length: the request body is larger than 16 MiB"), a.body);
            assertEquals(-1, s.getInputStream().read()); // closed
        }
        try (Socket s = connect()) { // told before the body is sent
            send(
                    s,
                    "POST /length HTTP/1.1\r\nHost: x\r\nContent-Length: " + ((16 << 20) + 1)
                            + "\r\nExpect: 100-continue\r\n\r\n");
            assertEquals(413, read(s, 1).get(0).status);
        }
    }

    @Test
    void malformedRequestsAndUnknownRoutesAreErrorsNotHangs() throws Exception {
        try (Socket s = connect()) {
            send(s, "POST /length HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n");
            Answer a = read(s, 1).get(0);
            assertEquals(400, a.status);
            assertTrue(a.body.contains("malformed HTTP request"), a.body);
        }
        try (Socket s = connect()) {
            send(s, "GET /p" + "a".repeat(NettyServer.MAX_INITIAL_LINE) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(400, read(s, 1).get(0).status);
        }
        try (Socket s = connect()) {
            send(s, get("/nowhere") + "DELETE /ping HTTP/1.1\r\nHost: x\r\n\r\n");
            List<Answer> answers = read(s, 2);
            assertEquals(404, answers.get(0).status);
            assertTrue(answers.get(0).body.contains("ENDPOINT_NOT_FOUND"), answers.get(0).body);
            assertEquals(405, answers.get(1).status);
        }
    }

    @Test
    void http10KeepsTheConnectionOnlyWhenAsked() throws Exception {
        try (Socket s = connect()) {
            send(s, "GET /ping HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            Answer a = read(s, 1).get(0);
            assertEquals("keep-alive", a.header("connection").toLowerCase());
            send(s, "GET /ping HTTP/1.0\r\n\r\n");
            assertEquals("pong", read(s, 1).get(0).body);
            assertEquals(-1, s.getInputStream().read());
        }
    }

    @Test
    void closingFinishesTheRequestUnderWayAndRefusesNewOnesOnOpenConnections() throws Exception {
        try (Socket slow = connect();
                Socket idle = connect()) {
            send(idle, get("/ping"));
            assertEquals(200, read(idle, 1).get(0).status);
            send(slow, post("/slow", "x".repeat(INLINE * 2)));
            assertTrue(slowStarted.await(10, TimeUnit.SECONDS));
            CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> server.close(Duration.ofSeconds(30)));
            Thread.sleep(200);
            send(idle, get("/ping"));
            Answer refused = read(idle, 1).get(0);
            assertEquals(503, refused.status);
            assertTrue(refused.body.contains("TEMPORARILY_UNAVAILABLE"), refused.body);
            releaseSlow.countDown();
            Answer finished = read(slow, 1).get(0);
            assertEquals(200, finished.status);
            assertEquals("slow " + INLINE * 2, finished.body);
            closing.get(30, TimeUnit.SECONDS);
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(20_000);
        return s;
    }

    private static String post(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n";
    }

    private static void send(Socket s, String raw) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A response as read off the socket: status, headers (lower-case names), body by Content-Length. */
    private record Answer(int status, List<String[]> headers, String body) {
        String header(String name) {
            return headers.stream()
                    .filter(h -> h[0].equals(name))
                    .map(h -> h[1])
                    .findFirst()
                    .orElse("");
        }
    }

    private static List<Answer> read(Socket s, int n) throws IOException {
        InputStream in = s.getInputStream();
        List<Answer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String status = line(in);
            List<String[]> headers = new ArrayList<>();
            int length = 0;
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim().toLowerCase();
                String value = h.substring(colon + 1).trim();
                headers.add(new String[] {name, value});
                if (name.equals("content-length")) {
                    length = Integer.parseInt(value);
                }
            }
            byte[] body = in.readNBytes(length);
            out.add(new Answer(
                    Integer.parseInt(status.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed mid-response: " + b);
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }
}
