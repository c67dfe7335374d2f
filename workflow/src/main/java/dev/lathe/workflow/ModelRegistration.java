package dev.lathe.workflow;

import dev.lathe.core.ErrorCode;
import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ModelRegistry;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.workflow.model.ModelDirectory;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * Registers the {@code model/} directory of a run as a new version of a named model (created when
 * new) and points the given aliases at it, in one call: what {@code --register NAME --alias A} and
 * {@link Lathe#register} do.
 */
public final class ModelRegistration {
    private ModelRegistration() {}

    /** The source URI a run's model is registered from: {@code runs:/<id>/model}. */
    public static String source(String runId) {
        return "runs:/" + runId + "/" + ModelDirectory.DIR;
    }

    /** Registers run {@code runId}'s model as a new version of {@code name} and sets {@code aliases} on it. */
    public static ModelVersion register(TrackingStore store, String runId, String name, List<String> aliases) {
        store.getRun(runId);
        LatheException.check(
                ErrorCode.RESOURCE_DOES_NOT_EXIST,
                Files.isRegularFile(store.artifactPath(runId, ModelDirectory.PIPELINE_ARTIFACT)),
                "run %s has no artifact '%s' to register (runs log it when their fit finishes)",
                runId,
                ModelDirectory.PIPELINE_ARTIFACT);
        ModelRegistry registry = store.registry();
        if (registry.findRegisteredModel(name).isEmpty()) {
            registry.createRegisteredModel(name, "", Map.of());
        }
        ModelVersion version = registry.createModelVersion(name, source(runId), runId, "", Map.of());
        for (String alias : aliases) {
            registry.setAlias(name, alias, version.version());
        }
        return aliases.isEmpty() ? version : registry.getModelVersion(name, version.version());
    }
}
