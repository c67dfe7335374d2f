package dev.lathe.workflow;

import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.tracking.TrackingStore;
import java.nio.file.Path;

/**
 * Loads a fitted pipeline from a file path, or from a {@code models:/name@alias}, {@code
 * models:/name/version} or {@code runs:/id/path} URI resolved through a tracking store's registry.
 */
public final class PipelineSource {
    private PipelineSource() {}

    public static boolean isUri(String reference) {
        return reference.startsWith("models:/") || reference.startsWith("runs:/");
    }

    /** The pipeline {@code reference} names; {@code store} is only used for URIs. */
    public static FittedPipeline load(String reference, TrackingStore store) {
        if (isUri(reference)) {
            return FittedPipeline.load(store.registry().resolve(reference));
        }
        return FittedPipeline.load(Path.of(reference));
    }
}
