package dev.lathe.evaluation.report;

import dev.lathe.core.data.Dataset;

/** Which data a report is about: its role ("train", "valid"), name, digest and shape. */
public record DatasetSummary(String role, String name, String digest, int rows, int featureCount) {
    public static DatasetSummary of(String role, Dataset d) {
        return new DatasetSummary(role, d.name(), d.digest(), d.rows(), d.featureCount());
    }
}
