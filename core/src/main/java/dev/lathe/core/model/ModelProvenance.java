package dev.lathe.core.model;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a model came from, in the spirit of Tribuo's ModelProvenance: the trainer and its
 * hyperparameters (seed included), the training data's name, digest and shape, solver details that
 * the fit reported (iterations, tolerance, residual, best iteration...), and the Lathe and Java
 * versions that made it; {@code payloadDigest} is the SHA-256 ({@code sha256:<hex>}) of the file the model
 * was loaded from, verified on load, or "" for a model not loaded from a file that carries one.
 */
public record ModelProvenance(
        String trainer,
        SortedMap<String, String> hyperparameters,
        String datasetName,
        String datasetDigest,
        int trainRows,
        int featureCount,
        SortedMap<String, String> fitDetails,
        String latheVersion,
        String javaVersion,
        String payloadDigest) {

    public ModelProvenance {
        hyperparameters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(hyperparameters));
        fitDetails = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(fitDetails));
    }

    /** Provenance for a model fitted now, in this JVM, on the given data. */
    public static ModelProvenance of(
            String trainer,
            Map<String, String> hyperparameters,
            dev.lathe.core.data.Dataset train,
            Map<String, String> fitDetails) {
        return new ModelProvenance(
                trainer,
                new TreeMap<>(hyperparameters),
                train.name(),
                train.digest(),
                train.rows(),
                train.featureCount(),
                new TreeMap<>(fitDetails),
                dev.lathe.core.LatheVersion.VERSION,
                System.getProperty("java.version"),
                "");
    }

    /** This provenance with the digest of the file it was loaded from. */
    public ModelProvenance withPayloadDigest(String digest) {
        return new ModelProvenance(
                trainer,
                hyperparameters,
                datasetName,
                datasetDigest,
                trainRows,
                featureCount,
                fitDetails,
                latheVersion,
                javaVersion,
                digest);
    }
}
