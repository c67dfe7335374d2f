package dev.lathe.trainers.boosted;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainingListener;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains an XGBoost booster one round at a time so that Lathe, not the native library, owns the loop:
 * each round's training (and validation) metric goes to the {@link TrainingListener} as
 * {@code training_<metric>} / {@code validation_<metric>}, early stopping watches the validation set
 * with the configured patience, and {@link TrainingListener#shouldStop} lets a pruner end a trial.
 * Nothing is printed: verbosity is 0 and no watch list is handed to XGBoost's own training loop.
 */
public final class XGBoostTrainer implements Trainer<XGBoostModel> {
    private static final String TRAIN = "train";
    private static final String VALID = "valid";

    /** The trainer's name on the command line, in logged params and in provenance. */
    public static final String NAME = "xgboost";

    private final String name;
    private final XGBoostParams params;
    private final SortedMap<String, String> reported;
    private final boolean dropUnsplittableColumns;
    private final boolean mergeIdenticalRows;

    /** A trainer named {@value #NAME}. */
    public XGBoostTrainer(XGBoostParams params) {
        this(NAME, params);
    }

    /** A trainer with another name (a label for a variant, as benchmarks use). */
    public XGBoostTrainer(String name, XGBoostParams params) {
        this(name, params, params == null ? null : params.asStrings(), true, true);
    }

    private XGBoostTrainer(
            String name,
            XGBoostParams params,
            SortedMap<String, String> reported,
            boolean dropUnsplittableColumns,
            boolean mergeIdenticalRows) {
        LatheException.check(name != null && !name.isBlank(), "trainer name must not be blank");
        LatheException.check(params != null, "xgboost params must not be null");
        this.name = name;
        this.params = params;
        this.reported = Collections.unmodifiableSortedMap(new TreeMap<>(reported));
        this.dropUnsplittableColumns = dropUnsplittableColumns;
        this.mergeIdenticalRows = mergeIdenticalRows;
    }

    /**
     * This trainer under another name, reporting other hyperparameters: for a trainer that is a way of
     * using XGBoost (a random forest is one round of parallel trees) and declares its own, so that its
     * logged params and its models' provenance name what its user set, under its names.
     */
    public XGBoostTrainer reportingAs(String newName, SortedMap<String, String> hyperparameters) {
        return new XGBoostTrainer(newName, params, hyperparameters, dropUnsplittableColumns, mergeIdenticalRows);
    }

    /**
     * This trainer without the column pruning of {@link ColumnSubset}: the booster sees every column.
     * The trees are the same either way; this exists to show that, and to time the difference.
     */
    public XGBoostTrainer keepingAllColumns() {
        return new XGBoostTrainer(name, params, reported, false, mergeIdenticalRows);
    }

    /**
     * This trainer without the merging of identical rows of {@link BoosterRows}: the booster sees every
     * row. The trees are the same up to float rounding; this exists to show that, and to time it.
     */
    public XGBoostTrainer keepingAllRows() {
        return new XGBoostTrainer(name, params, reported, dropUnsplittableColumns, false);
    }

    public XGBoostParams params() {
        return params;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SortedMap<String, String> hyperparameters() {
        return reported;
    }

    @Override
    public int threads() {
        return params.nthread();
    }

    @Override
    public XGBoostModel fit(Dataset train, FitContext context) {
        LatheException.check(train.rows() > 0, "dataset '%s' has no rows to train on", train.name());
        Optional<Dataset> validation = context.validation();
        validation.ifPresent(v -> LatheException.check(
                v.featureCount() == train.featureCount(),
                "validation dataset '%s' has %d features, training dataset '%s' has %d",
                v.name(),
                v.featureCount(),
                train.name(),
                train.featureCount()));
        TrainingListener listener = context.listener();
        listener.fitStarted(this, train, validation);
        long start = System.nanoTime();
        ColumnSubset columns = dropUnsplittableColumns
                ? ColumnSubset.splittable(train.features(), params)
                : ColumnSubset.all(train.featureCount());
        BoosterRows trainRows = rows(train, columns);
        Optional<BoosterRows> validRows = validation.map(v -> rows(v, columns));
        DMatrix dtrain = DMatrices.labelled(trainRows, train.name(), params.nthread());
        DMatrix dvalid = validation
                .map(v -> DMatrices.labelled(validRows.get(), v.name(), params.nthread()))
                .orElse(null);
        try {
            XGBoostModel model = boost(train, columns, trainRows, validRows, dtrain, dvalid, listener);
            listener.fitFinished(this, model, Duration.ofNanos(System.nanoTime() - start));
            return model;
        } catch (XGBoostError e) {
            throw new LatheException("xgboost training on '" + train.name() + "' failed: " + e.getMessage(), e);
        } finally {
            dtrain.dispose();
            if (dvalid != null) {
                dvalid.dispose();
            }
        }
    }

    /** The booster rows of {@code ds}: identical rows merged when the loss allows it and not turned off. */
    private BoosterRows rows(Dataset ds, ColumnSubset columns) {
        return mergeIdenticalRows && BoosterRows.mergeable(params)
                ? BoosterRows.merged(columns.apply(ds.features()), ds.target())
                : BoosterRows.asIs(columns.apply(ds.features()), ds.target());
    }

    private XGBoostModel boost(
            Dataset train,
            ColumnSubset columns,
            BoosterRows trainRows,
            Optional<BoosterRows> validRows,
            DMatrix dtrain,
            DMatrix dvalid,
            TrainingListener listener)
            throws XGBoostError {
        Map<String, DMatrix> cache = new LinkedHashMap<>();
        cache.put(TRAIN, dtrain);
        if (dvalid != null) {
            cache.put(VALID, dvalid);
        }
        // Zero rounds: only creates the booster with both matrices in its prediction cache.
        Booster booster = XGBoost.train(dtrain, params.boosterParams(), 0, cache, null, null);
        DMatrix[] mats = cache.values().toArray(new DMatrix[0]);
        String[] names = cache.keySet().toArray(new String[0]);
        String metric = params.evalMetric();
        EarlyStopping stopping = new EarlyStopping(params.earlyStoppingRounds(), params.maximizeMetric());
        String stopReason = "num_boost_round";
        int rounds = 0;
        double lastTrain = Double.NaN;
        for (int round = 0; round < params.numBoostRounds(); round++) {
            booster.update(dtrain, round);
            rounds = round + 1;
            Map<String, Double> scores = EvalLine.parse(booster.evalSet(mats, names, round));
            lastTrain = score(scores, TRAIN, metric, trainRows);
            listener.metric("training_" + metric, lastTrain, round);
            if (dvalid != null) {
                double v = score(scores, VALID, metric, validRows.get());
                listener.metric("validation_" + metric, v, round);
                if (stopping.update(round, v)) {
                    stopReason = "early_stopping";
                    break;
                }
            }
            if (listener.shouldStop(round)) {
                stopReason = "pruned";
                break;
            }
        }
        int best = dvalid != null ? stopping.bestRound() : rounds - 1;
        Map<String, String> details = new LinkedHashMap<>();
        details.put("best_iteration", Integer.toString(best));
        details.put("rounds_trained", Integer.toString(rounds));
        details.put("stop_reason", stopReason);
        details.put("training_" + metric, Double.toString(lastTrain));
        if (dvalid != null) {
            details.put("best_validation_" + metric, Double.toString(stopping.bestScore()));
        }
        details.put("booster_columns", columns.size() + " of " + columns.inputColumns());
        details.put("booster_rows", trainRows.rows() + " of " + trainRows.inputRows());
        ModelProvenance provenance = ModelProvenance.of(name, hyperparameters(), train, details);
        return new XGBoostModel(
                BoosterHandle.of(booster),
                best,
                rounds,
                params.numParallelTree(),
                train.featureNames(),
                columns,
                provenance);
    }

    /** The metric over the input rows (merged rows only ever run with rmse, see {@link BoosterRows}). */
    private static double score(Map<String, Double> scores, String set, String metric, BoosterRows rows) {
        Double v = scores.get(set + "-" + metric);
        LatheException.check(v != null, "xgboost did not report %s-%s (got %s)", set, metric, scores.keySet());
        return rows.weights() == null ? v : rows.rmse(v);
    }
}
