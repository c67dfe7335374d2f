package dev.lathe.trainers;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import dev.lathe.core.model.TrainerSpec;
import dev.lathe.core.params.Tunable;
import dev.lathe.trainers.boosted.XGBoostParams;
import dev.lathe.trainers.boosted.XGBoostTrainer;
import dev.lathe.trainers.ensemble.ForestParams;
import dev.lathe.trainers.ensemble.XGBoostForestTrainer;
import dev.lathe.trainers.linear.ElasticNetParams;
import dev.lathe.trainers.linear.ElasticNetTrainer;
import dev.lathe.trainers.linear.OlsParams;
import dev.lathe.trainers.linear.OlsTrainer;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The named trainers a user picks by name (the command line's {@code --trainer}, a run's logged
 * {@value #TRAINER_PARAM} param): each one's declared hyperparameters, how to build it from them, and
 * its default search ranges (XGBoost's is the MLOps course's space). The library and the command line
 * share this one list, so a name, a default or a range is written once.
 */
public final class TrainerCatalog {
    /** The logged param that names a run's trainer. */
    public static final String TRAINER_PARAM = "model";

    private static final Map<String, TrainerSpec> SPECS = index(
            TrainerSpec.builder(
                            OlsTrainer.NAME,
                            "ordinary least squares by conjugate gradients",
                            OlsParams.SPACE,
                            v -> new OlsTrainer(OlsParams.from(v)))
                    .build(),
            TrainerSpec.builder(
                            RidgeTrainer.NAME,
                            "least squares with an L2 penalty (scikit-learn's Ridge)",
                            RidgeParams.SPACE,
                            v -> new RidgeTrainer(RidgeParams.from(v)))
                    .search(Tunable.logUniform(RidgeParams.ALPHA, 1e-3, 100)
                            .withGrid(0.001, 0.01, 0.1, 1.0, 10.0, 100.0))
                    .build(),
            TrainerSpec.builder(
                            ElasticNetTrainer.LASSO,
                            "least squares with an L1 penalty (scikit-learn's Lasso)",
                            ElasticNetParams.LASSO_SPACE,
                            v -> new ElasticNetTrainer(ElasticNetParams.from(v)))
                    .search(Tunable.logUniform(ElasticNetParams.ALPHA, 1e-4, 1).withGrid(1e-4, 1e-3, 1e-2, 1e-1))
                    .build(),
            TrainerSpec.builder(
                            ElasticNetTrainer.ELASTIC_NET,
                            "least squares with L1 and L2 penalties (scikit-learn's ElasticNet)",
                            ElasticNetParams.SPACE,
                            v -> new ElasticNetTrainer(ElasticNetParams.from(v)))
                    .search(
                            Tunable.logUniform(ElasticNetParams.ALPHA, 1e-4, 1).withGrid(1e-4, 1e-3, 1e-2),
                            Tunable.uniform(ElasticNetParams.L1_RATIO, 0.05, 1).withGrid(0.25, 0.5, 0.75, 1.0))
                    .build(),
            TrainerSpec.builder(
                            XGBoostTrainer.NAME,
                            "gradient-boosted trees (xgboost4j) with early stopping",
                            XGBoostParams.SPACE,
                            v -> new XGBoostTrainer(XGBoostParams.from(v)))
                    .search( // the MLOps course's space (hyperopt)
                            Tunable.intRange(XGBoostParams.MAX_DEPTH, 4, 100).withGrid(4, 6, 10),
                            Tunable.logUniform(XGBoostParams.LEARNING_RATE, Math.exp(-3), 1.0)
                                    .withGrid(0.1, 0.3),
                            Tunable.logUniform(XGBoostParams.REG_ALPHA, Math.exp(-5), Math.exp(-1)),
                            Tunable.logUniform(XGBoostParams.REG_LAMBDA, Math.exp(-6), Math.exp(-1)),
                            Tunable.logUniform(XGBoostParams.MIN_CHILD_WEIGHT, Math.exp(-1), Math.exp(3)))
                    .seed(XGBoostParams.SEED)
                    .threads(XGBoostParams.NTHREAD)
                    .build(),
            TrainerSpec.builder(
                            XGBoostForestTrainer.NAME,
                            "random forest grown by XGBoost (one round of parallel trees)",
                            ForestParams.SPACE,
                            v -> new XGBoostForestTrainer(ForestParams.from(v)))
                    .search(
                            Tunable.intRange(ForestParams.NUM_PARALLEL_TREE, 5, 30)
                                    .withGrid(10, 20),
                            Tunable.intRange(ForestParams.MAX_DEPTH, 4, 10).withGrid(4, 6, 8))
                    .seed(XGBoostParams.SEED)
                    .threads(XGBoostParams.NTHREAD)
                    .build());

    private TrainerCatalog() {}

    private static Map<String, TrainerSpec> index(TrainerSpec... specs) {
        Map<String, TrainerSpec> m = new LinkedHashMap<>();
        for (TrainerSpec s : specs) {
            LatheException.check(m.put(s.name(), s) == null, "trainer '%s' is declared twice", s.name());
        }
        return m;
    }

    /** Every named trainer, in the order help lists them. */
    public static List<TrainerSpec> all() {
        return List.copyOf(SPECS.values());
    }

    /** Every trainer name, sorted. */
    public static TreeSet<String> names() {
        return new TreeSet<>(SPECS.keySet());
    }

    public static Optional<TrainerSpec> find(String name) {
        return Optional.ofNullable(SPECS.get(name));
    }

    /** The trainer called {@code name}; an unknown name is an error listing the known ones. */
    public static TrainerSpec get(String name) {
        return find(name)
                .orElseThrow(() -> new InvalidParameterException("no trainer '" + name + "' (known: " + names() + ")"));
    }
}
