package dev.lathe.serving;

import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.workflow.PipelineSource;
import dev.lathe.workflow.model.ModelDirectory;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The model a server scores with: the reference it was asked for ({@code models:/name@alias}, a
 * version, a run or a file), where that resolved to, and the loaded pipeline. {@link #refresh} resolves
 * the reference again and swaps in the pipeline it now names, so that moving an alias changes the
 * served model without a restart; requests read the current one atomically.
 */
public final class ServedModel {
    private final String reference;
    private final Function<String, Path> resolver;
    private final Function<Path, FittedPipeline> loader;
    private final AtomicReference<Loaded> current;
    private final AtomicLong reloads = new AtomicLong();

    /** One loaded pipeline and the model directory or file it came from. */
    public record Loaded(Path source, FittedPipeline pipeline) {}

    /**
     * Resolves {@code reference} with {@code resolver} (a URI to its model directory or file) and loads
     * it with {@code loader}; both are used again by {@link #refresh}.
     */
    public ServedModel(String reference, Function<String, Path> resolver, Function<Path, FittedPipeline> loader) {
        this.reference = reference;
        this.resolver = resolver;
        this.loader = loader;
        Path source = resolver.apply(reference);
        this.current = new AtomicReference<>(new Loaded(source, loader.apply(source)));
    }

    /**
     * The model {@code reference} names: a {@code models:/} or {@code runs:/} URI resolved through {@code
     * store}'s registry, or a pipeline file or model directory path.
     */
    public static ServedModel load(String reference, TrackingStore store) {
        return new ServedModel(
                reference,
                r -> PipelineSource.isUri(r) ? store.registry().resolve(r) : Path.of(r),
                path -> FittedPipeline.load(ModelDirectory.pipelineFile(path)));
    }

    public String reference() {
        return reference;
    }

    /** The pipeline requests score with now. */
    public Loaded current() {
        return current.get();
    }

    /** How many times {@link #refresh} swapped in another model. */
    public long reloads() {
        return reloads.get();
    }

    /**
     * Resolves the reference again; when it names another model than the one served, loads that one and
     * serves it from now on. True when the model changed. A failure leaves the current model in place.
     */
    public boolean refresh() {
        Path source = resolver.apply(reference);
        if (source.equals(current.get().source())) {
            return false;
        }
        current.set(new Loaded(source, loader.apply(source)));
        reloads.incrementAndGet();
        return true;
    }
}
