package dev.lathe.trainers.linear;

import dev.lathe.core.LatheException;
import java.util.List;

/**
 * Elastic-net models fitted along a sequence of penalties, each warm-started from the previous one
 * (the usual way to pick alpha: fit the whole path, then evaluate each model on validation data).
 */
public record RegularizationPath(double[] alphas, List<LinearModel> models) {
    public RegularizationPath {
        LatheException.check(
                alphas.length == models.size(),
                "regularisation path: alpha count (%d) must equal model count (%d)",
                alphas.length,
                models.size());
        alphas = alphas.clone();
        models = List.copyOf(models);
    }

    @Override
    public double[] alphas() {
        return alphas.clone();
    }
}
