package dev.lathe.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ArtifactInfo;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.http.Fields;
import dev.lathe.server.http.Json;
import dev.lathe.server.http.Request;
import dev.lathe.server.http.Response;
import dev.lathe.server.http.RouteTable;
import java.util.Locale;

/**
 * Artifacts as MLflow's server serves them: {@code artifacts/list} (one directory level),
 * {@code /get-artifact?path=&run_uuid=} (a file's bytes) and {@code upload-artifact?run_uuid=&path=}
 * (a file's bytes as the body, at most 10 MB, as MLflow). HTML, SVG and unknown types are sent as plain
 * text or bytes, never as a page of this origin, as MLflow does.
 */
final class ArtifactHandlers {
    /** The download path of MLflow's server (outside the API prefix). */
    static final String GET_ARTIFACT = "/get-artifact";

    private final TrackingStore store;

    ArtifactHandlers(TrackingStore store) {
        this.store = store;
    }

    void register(ApiRoutes routes, RouteTable table) {
        routes.get("artifacts/list", this::list);
        table.add("GET", GET_ARTIFACT, this::download);
        table.add("GET", "/ajax-api/2.0/mlflow" + GET_ARTIFACT, this::download);
        routes.post("upload-artifact", this::upload);
    }

    /** MLflow's limit on one uploaded artifact. */
    static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

    private Response upload(Request r) {
        Fields f = r.queryFields();
        String runId = f.string("run_uuid", "run_id");
        String path = f.string("path");
        byte[] data = r.body();
        LatheException.check(
                data.length <= MAX_UPLOAD_BYTES,
                "Artifact size is too large. Max size is 10MB (got %d bytes).",
                data.length);
        LatheException.check(data.length > 0, "Request must specify data.");
        store.logArtifact(runId, path, data);
        return Response.empty();
    }

    private Response list(Request r) {
        Fields f = r.fields();
        String runId = RunHandlers.runId(f);
        String path = f.optString("path").orElse("");
        String root = store.getRun(runId).info().artifactUri();
        ObjectNode o = Json.object();
        o.put("root_uri", root);
        ArrayNode files = o.putArray("files");
        for (ArtifactInfo a : store.listArtifacts(runId, path)) {
            ObjectNode file = files.addObject();
            file.put("path", a.path());
            file.put("is_dir", a.directory());
            if (!a.directory()) {
                file.put("file_size", a.fileSize());
            }
        }
        return Response.json(o);
    }

    private Response download(Request r) {
        Fields f = r.fields();
        String path = f.string("path");
        return Response.bytes(contentType(path), store.readArtifact(RunHandlers.runId(f), path));
    }

    /** A safe content type from the file name: text for text (HTML and SVG included), images as images. */
    static String contentType(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return switch (ext) {
            case "json" -> "application/json";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "txt",
                    "csv",
                    "tsv",
                    "log",
                    "yaml",
                    "yml",
                    "md",
                    "py",
                    "html",
                    "htm",
                    "svg" -> "text/plain; charset=utf-8";
            default -> name.endsWith("mlmodel") ? "text/plain; charset=utf-8" : "application/octet-stream";
        };
    }
}
