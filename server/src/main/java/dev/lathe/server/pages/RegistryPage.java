package dev.lathe.server.pages;

import dev.lathe.server.http.Request;
import dev.lathe.server.http.Response;

/**
 * The model registry: registered models with their versions, stages and aliases, each version linked
 * to its source run; its data is {@code registered-models/search} and {@code model-versions/search}.
 */
final class RegistryPage {
    Response handle(Request request) {
        return PageShell.titled("Models")
                .heading("Registered models")
                .script(Asset.REGISTRY)
                .response();
    }
}
