package dev.lathe.trainers.ensemble;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Bootstrap aggregating of any {@link Trainer}: member {@code i} is fitted on a sample drawn with
 * replacement (via {@link Dataset#selectRows}) by a generator seeded with the i-th value of a sequence
 * derived from the bagging seed, and the members are averaged with equal weights. Members are fitted
 * in parallel within a budget of {@link BaggingParams#threads()} threads: a multi-threaded base trainer
 * (XGBoost with nthread 2, say) counts for its {@link Trainer#threads()}, so a budget of 2 fits one such
 * member at a time instead of oversubscribing the cores. Every sample is fixed before any fit starts,
 * and members keep their own settings, so the result is the same whatever the budget (given a
 * deterministic base trainer).
 */
public final class BaggingTrainer implements Trainer<WeightedAverageModel> {
    private final Trainer<?> base;
    private final BaggingParams params;

    public BaggingTrainer(Trainer<?> base, BaggingParams params) {
        LatheException.check(base != null, "bagging base trainer must not be null");
        LatheException.check(params != null, "bagging params must not be null");
        this.base = base;
        this.params = params;
    }

    @Override
    public String name() {
        return "bagging_" + base.name();
    }

    @Override
    public SortedMap<String, String> hyperparameters() {
        SortedMap<String, String> h = new TreeMap<>();
        MemberParams.put(h, "base.", base);
        h.putAll(params.values().asStrings());
        return h;
    }

    /** The seed of each member's bootstrap sample, derived from the bagging seed. */
    public long[] memberSeeds() {
        SplittableRandom root = new SplittableRandom(params.seed());
        long[] seeds = new long[params.members()];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = root.nextLong();
        }
        return seeds;
    }

    /** The row indices of member {@code i}'s bootstrap sample of a dataset with {@code rows} rows. */
    public int[] bootstrapRows(int member, int rows) {
        int size = Math.max(1, (int) Math.round(params.sampleFraction() * rows));
        SplittableRandom rnd = new SplittableRandom(memberSeeds()[member]);
        int[] idx = new int[size];
        for (int k = 0; k < size; k++) {
            idx[k] = rnd.nextInt(rows);
        }
        return idx;
    }

    @Override
    public WeightedAverageModel fit(Dataset train, FitContext context) {
        LatheException.check(train.rows() > 0, "dataset '%s' has no rows to bag", train.name());
        TrainingListener listener = context.listener();
        listener.fitStarted(this, train, context.validation());
        long start = System.nanoTime();
        List<Dataset> samples = new ArrayList<>();
        for (int i = 0; i < params.members(); i++) {
            samples.add(train.selectRows(train.name() + "#bootstrap" + i, bootstrapRows(i, train.rows())));
        }
        List<Model> members = fitAll(samples);
        Map<String, String> details = new TreeMap<>();
        details.put("member_seeds", Arrays.toString(memberSeeds()));
        double[] weights = new double[members.size()];
        Arrays.fill(weights, 1.0);
        WeightedAverageModel model = new WeightedAverageModel(
                members, weights, ModelProvenance.of(name(), hyperparameters(), train, details));
        context.validation().ifPresent(v -> listener.metric("validation_rmse", rmse(model, v), 0));
        listener.fitFinished(this, model, Duration.ofNanos(System.nanoTime() - start));
        return model;
    }

    /** How many members are fitted at once: the thread budget over the threads one member fit uses. */
    public int concurrentFits() {
        return Math.max(1, Math.min(params.members(), params.threads() / Math.max(1, base.threads())));
    }

    @Override
    public int threads() {
        return concurrentFits() * Math.max(1, base.threads());
    }

    private List<Model> fitAll(List<Dataset> samples) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrentFits(), r -> {
            Thread t = new Thread(r, "lathe-bagging");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<? extends Model>> futures = new ArrayList<>();
            for (Dataset s : samples) {
                futures.add(pool.submit(() -> base.fit(s)));
            }
            List<Model> members = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                members.add(await(futures.get(i), i));
            }
            return members;
        } finally {
            pool.shutdownNow();
        }
    }

    private Model await(Future<? extends Model> f, int member) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LatheException("bagging interrupted while fitting member " + member, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LatheException le) {
                throw le;
            }
            throw LatheException.wrap("bagging member " + member + " (" + base.name() + ") failed: " + cause, cause);
        }
    }

    static double rmse(Model model, Dataset data) {
        double[] p = model.predict(data.features());
        double[] y = data.target();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += (p[i] - y[i]) * (p[i] - y[i]);
        }
        return Math.sqrt(s / y.length);
    }
}
