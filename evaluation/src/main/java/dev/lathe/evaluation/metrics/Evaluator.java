package dev.lathe.evaluation.metrics;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.Model;

/**
 * Turns predictions into an {@link Evaluation} (Tribuo's Evaluator vocabulary): either from raw
 * target/prediction arrays or by running a model over a dataset.
 *
 * @param <E> the evaluation type produced
 */
public interface Evaluator<E extends Evaluation> {
    /** Evaluates {@code yPred} against {@code yTrue}; both must be non-empty, equally long and finite. */
    E evaluate(double[] yTrue, double[] yPred);

    /** Predicts every row of {@code data} with {@code model} and evaluates against the dataset's target. */
    default E evaluate(Model model, Dataset data) {
        double[] predictions = model.predict(data.features());
        LatheException.check(
                predictions.length == data.rows(),
                "model '%s' returned %d predictions for dataset '%s' with %d rows",
                model.kind(),
                predictions.length,
                data.name(),
                data.rows());
        return evaluate(data.target(), predictions);
    }
}
