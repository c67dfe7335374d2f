package dev.lathe.tracking.registry;

import dev.lathe.core.ErrorCode;
import dev.lathe.core.LatheException;
import dev.lathe.core.ResourceNotFoundException;
import dev.lathe.core.tracking.ModelRegistry;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.TrackingStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resolves model URIs to local artifact files through the backend-neutral store and registry
 * interfaces: {@code models:/} URIs find a version whose source is resolved in turn; {@code runs:/}
 * URIs point into a run's artifacts; {@code file:} URIs and plain paths are used as they are.
 */
public final class ModelUriResolver {
    private ModelUriResolver() {}

    public static Path resolve(TrackingStore store, ModelRegistry registry, String uri) {
        LatheException.check(
                uri != null && (uri.startsWith("models:/") || uri.startsWith("runs:/")),
                "model URI must start with models:/ or runs:/, got '%s'",
                uri);
        ModelUri parsed = ModelUri.parse(uri);
        Path path;
        if (parsed instanceof ModelUri.RunArtifact r) {
            path = store.artifactPath(r.runId(), r.path());
        } else {
            ModelVersion v = version(registry, parsed);
            path = resolveSource(store, v.source());
        }
        LatheException.check(
                ErrorCode.RESOURCE_DOES_NOT_EXIST,
                Files.exists(path),
                "model URI '%s' resolves to %s, which does not exist",
                uri,
                path);
        return path;
    }

    /** Validates a model-version source: a runs:/ URI must name an existing run; a path must be well-formed. */
    public static void checkSource(TrackingStore store, String source) {
        if (source.startsWith("runs:/")) {
            ModelUri.RunArtifact r = (ModelUri.RunArtifact) ModelUri.parse(source);
            store.getRun(r.runId());
        } else {
            LatheException.check(
                    !source.startsWith("models:/"),
                    "a model version source must not be a models:/ URI, got '%s'",
                    source);
        }
    }

    private static ModelVersion version(ModelRegistry registry, ModelUri parsed) {
        if (parsed instanceof ModelUri.Version v) {
            return registry.getModelVersion(v.name(), v.version());
        }
        if (parsed instanceof ModelUri.Alias a) {
            return registry.getModelVersionByAlias(a.name(), a.alias());
        }
        if (parsed instanceof ModelUri.Latest l) {
            return registry.latestVersion(l.name(), Optional.empty())
                    .orElseThrow(
                            () -> new ResourceNotFoundException("registered model '" + l.name() + "' has no versions"));
        }
        ModelUri.InStage s = (ModelUri.InStage) parsed;
        return registry.latestVersion(s.name(), Optional.of(s.stage()))
                .orElseThrow(() -> new ResourceNotFoundException("registered model '" + s.name()
                        + "' has no version in stage " + s.stage().label()));
    }

    private static Path resolveSource(TrackingStore store, String source) {
        LatheException.check(source != null && !source.isBlank(), "model source must not be blank");
        if (source.startsWith("runs:/")) {
            ModelUri.RunArtifact r = (ModelUri.RunArtifact) ModelUri.parse(source);
            return store.artifactPath(r.runId(), r.path());
        }
        if (source.startsWith("file:")) {
            return Path.of(URI.create(source));
        }
        return Path.of(source);
    }
}
