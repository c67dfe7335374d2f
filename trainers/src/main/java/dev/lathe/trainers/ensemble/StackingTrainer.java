package dev.lathe.trainers.ensemble;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.Fold;
import dev.lathe.core.data.KFold;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainingListener;
import dev.lathe.core.params.Hyperparameter;
import dev.lathe.core.params.HyperparameterSpace;
import dev.lathe.core.params.Interval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Stacked generalisation: each base trainer is fitted k times on k-1 folds (seeded {@link KFold}) to
 * predict the held-out fold, the out-of-fold prediction columns train the meta trainer (typically a
 * linear model such as OLS), and the base trainers are refitted on all rows for prediction.
 */
public final class StackingTrainer implements Trainer<StackedModel> {
    public static final Hyperparameter<Integer> FOLDS = Hyperparameter.integer(
            "folds", 5, Interval.atLeast(2), "folds of the out-of-fold predictions that train the meta trainer");
    public static final Hyperparameter<Long> SEED = Hyperparameter.seed("seed", 0, "seed of the fold assignment");

    /** Stacking's own hyperparameters (each member's are logged beside them under its prefix). */
    public static final HyperparameterSpace SPACE = HyperparameterSpace.of(FOLDS, SEED);

    private final List<Trainer<?>> bases;
    private final Trainer<?> meta;
    private final int folds;
    private final long seed;

    /** Stacks {@code bases} under {@code meta} with {@code folds}-fold out-of-fold predictions. */
    public StackingTrainer(List<? extends Trainer<?>> bases, Trainer<?> meta, int folds, long seed) {
        LatheException.check(!bases.isEmpty(), "stacking needs at least one base trainer");
        LatheException.check(meta != null, "stacking meta trainer must not be null");
        FOLDS.check(folds);
        this.bases = List.copyOf(bases);
        this.meta = meta;
        this.folds = folds;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "stacking";
    }

    @Override
    public SortedMap<String, String> hyperparameters() {
        SortedMap<String, String> h = new TreeMap<>();
        for (int b = 0; b < bases.size(); b++) {
            MemberParams.put(h, "base" + b + ".", bases.get(b));
        }
        MemberParams.put(h, "meta.", meta);
        h.putAll(SPACE.builder().set(FOLDS, folds).set(SEED, seed).build().asStrings());
        return h;
    }

    /** The out-of-fold prediction of every base trainer for every row, as the meta-model's dataset. */
    public Dataset outOfFoldDataset(Dataset train) {
        int n = train.rows();
        List<Fold> assignment = KFold.shuffled(folds, seed).split(n);
        double[][] oof = new double[bases.size()][n];
        for (int b = 0; b < bases.size(); b++) {
            for (Fold fold : assignment) {
                Dataset in = train.selectRows(train.name() + "#fold" + fold.index() + "-train", fold.trainRows());
                Model m = bases.get(b).fit(in);
                int[] held = fold.testRows();
                double[] p = m.predict(train.features().selectRows(held));
                for (int i = 0; i < p.length; i++) {
                    oof[b][held[i]] = p[i];
                }
            }
        }
        return new Dataset(train.name() + "#oof", columns(oof, n), train.target(), metaFeatureNames());
    }

    @Override
    public StackedModel fit(Dataset train, FitContext context) {
        TrainingListener listener = context.listener();
        listener.fitStarted(this, train, context.validation());
        long start = System.nanoTime();
        Model metaModel = meta.fit(outOfFoldDataset(train));
        List<Model> full = new ArrayList<>();
        for (Trainer<?> t : bases) {
            full.add(t.fit(train));
        }
        Map<String, String> details = new TreeMap<>();
        StackedModel model =
                new StackedModel(full, metaModel, ModelProvenance.of(name(), hyperparameters(), train, details));
        context.validation().ifPresent(v -> listener.metric("validation_rmse", BaggingTrainer.rmse(model, v), 0));
        listener.fitFinished(this, model, Duration.ofNanos(System.nanoTime() - start));
        return model;
    }

    private List<String> metaFeatureNames() {
        List<String> names = new ArrayList<>();
        for (int b = 0; b < bases.size(); b++) {
            names.add("base" + b + "_" + bases.get(b).name());
        }
        return names;
    }

    /** A dense matrix whose column {@code c} is {@code cols[c]} (explicit zeros kept as stored entries). */
    static SparseMatrix columns(double[][] cols, int rows) {
        int k = cols.length;
        int[] ptr = new int[rows + 1];
        int[] idx = new int[rows * k];
        double[] val = new double[rows * k];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < k; c++) {
                idx[i * k + c] = c;
                val[i * k + c] = cols[c][i];
            }
            ptr[i + 1] = (i + 1) * k;
        }
        return new SparseMatrix(rows, k, ptr, idx, val);
    }
}
