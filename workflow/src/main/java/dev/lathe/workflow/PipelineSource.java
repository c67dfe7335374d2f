package dev.lathe.workflow;

import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.workflow.model.ModelDirectory;
import java.nio.file.Path;

/**
 * Loads a fitted pipeline from a file or model directory path, or from a {@code models:/name@alias},
 * {@code models:/name/version} or {@code runs:/id/path} URI resolved through a tracking store's
 * registry; a URI or path naming a run's {@code model/} directory loads the pipeline inside it.
 */
public final class PipelineSource {
    private PipelineSource() {}

    public static boolean isUri(String reference) {
        return reference.startsWith("models:/") || reference.startsWith("runs:/");
    }

    /** The pipeline {@code reference} names; {@code store} is only used for URIs. */
    public static FittedPipeline load(String reference, TrackingStore store) {
        Path path = isUri(reference) ? store.registry().resolve(reference) : Path.of(reference);
        return FittedPipeline.load(ModelDirectory.pipelineFile(path));
    }
}
