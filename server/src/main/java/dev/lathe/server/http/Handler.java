package dev.lathe.server.http;

/** One endpoint's behaviour: a request in, a response out; failures are thrown as {@code LatheException}s. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request);
}
