package dev.lathe.core.model;

import dev.lathe.core.data.SparseMatrix;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A fitted regression model: predicts from the sparse feature matrix it was trained on, carries its
 * provenance, and writes itself in the format that the {@link ModelCodec} of its {@link #kind()} reads.
 * Save and load through {@link ModelIO}.
 */
public interface Model {
    /** One prediction per row of {@code x}; {@code x} must have the training feature count. */
    double[] predict(SparseMatrix x);

    /** The codec key, for example {@code "linear"} or {@code "xgboost"}. */
    String kind();

    /** How this model was made: trainer, hyperparameters, data digest, fit details, versions. */
    ModelProvenance provenance();

    /** Writes the model's payload; {@link ModelIO} adds the header that names the kind. */
    void writeTo(OutputStream out) throws IOException;
}
