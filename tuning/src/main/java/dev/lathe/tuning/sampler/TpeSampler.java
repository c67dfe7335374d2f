package dev.lathe.tuning.sampler;

import dev.lathe.core.Direction;
import dev.lathe.core.LatheException;
import dev.lathe.tuning.space.Distribution;
import dev.lathe.tuning.space.FixedDistribution;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.trial.Trial;
import dev.lathe.tuning.trial.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Tree-structured Parzen estimator (Bergstra et al. 2011, as hyperopt and Optuna): after the startup
 * trials (random), finished trials are ranked (completed by loss, then pruned by loss) and split into
 * the best {@code min(ceil(gamma n), maxGood)} ("good", density l) and the rest ("bad", density g).
 * For each parameter independently, {@code candidates} values are drawn from l and the one maximising
 * log l(x) - log g(x) is proposed. Continuous parameters are modelled in their internal coordinate
 * (log for log ranges), categorical ones by smoothed category frequencies. With
 * {@link TpeSettings#withMultivariate} the parameters are modelled jointly
 * ({@link MultivariateParzenEstimator}) and whole points are drawn and scored.
 */
public final class TpeSampler implements Sampler {
    private final TpeSettings settings;

    public TpeSampler(TpeSettings settings) {
        LatheException.check(settings != null, "TPE sampler needs settings");
        this.settings = settings;
    }

    public TpeSampler() {
        this(TpeSettings.defaults());
    }

    public TpeSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "tpe";
    }

    @Override
    public Map<String, Object> sample(
            SearchSpace space, int trialNumber, List<Trial> history, Direction direction, RandomGenerator rng) {
        List<Trial> ranked = new ArrayList<>();
        for (Trial t : history) {
            if (t.hasValue()) {
                ranked.add(t);
            }
        }
        if (ranked.size() < settings.startupTrials()) {
            return RandomSampler.sampleIndependent(space, rng);
        }
        ranked.sort(Comparator.comparingInt((Trial t) -> t.state() == TrialState.PRUNED ? 1 : 0)
                .thenComparingDouble(t -> direction.toLoss(t.value()))
                .thenComparingInt(Trial::number));
        int nGood = (int) Math.min(settings.maxGood(), Math.max(1, Math.ceil(settings.gamma() * ranked.size())));
        List<Trial> good = ranked.subList(0, nGood);
        List<Trial> bad = ranked.subList(nGood, ranked.size());
        if (settings.multivariate()) {
            return sampleJoint(space, good, bad, rng);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Distribution> e : space.distributions().entrySet()) {
            String name = e.getKey();
            Distribution d = e.getValue();
            if (d instanceof FixedDistribution f) {
                out.put(name, f.value());
            } else if (d.isCategorical()) {
                out.put(name, sampleCategorical(name, d, good, bad, rng));
            } else {
                out.put(name, sampleNumeric(name, d, good, bad, rng));
            }
        }
        return out;
    }

    /** One joint proposal: candidates from the joint l, scored by log l(x) - log g(x) over all parameters. */
    private Map<String, Object> sampleJoint(SearchSpace space, List<Trial> good, List<Trial> bad, RandomGenerator rng) {
        List<String> names = new ArrayList<>();
        List<Distribution> dists = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Distribution> e : space.distributions().entrySet()) {
            if (e.getValue() instanceof FixedDistribution f) {
                out.put(e.getKey(), f.value());
            } else {
                names.add(e.getKey());
                dists.add(e.getValue());
            }
        }
        int d = names.size();
        double[] lo = new double[d];
        double[] hi = new double[d];
        int[] cats = new int[d];
        for (int j = 0; j < d; j++) {
            Distribution dist = dists.get(j);
            lo[j] = dist.internalLow();
            hi[j] = dist.internalHigh();
            cats[j] = dist.isCategorical() ? (int) Math.round(dist.internalHigh() + 0.5) : 0;
        }
        MultivariateParzenEstimator l =
                new MultivariateParzenEstimator(internal(names, dists, good), lo, hi, cats, settings.priorWeight());
        MultivariateParzenEstimator g =
                new MultivariateParzenEstimator(internal(names, dists, bad), lo, hi, cats, settings.priorWeight());
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < settings.candidates(); i++) {
            double[] x = l.sample(rng);
            double score = l.logPdf(x) - g.logPdf(x);
            if (best == null || score > bestScore) {
                bestScore = score;
                best = x;
            }
        }
        Map<String, Object> sampled = new LinkedHashMap<>();
        for (int j = 0; j < d; j++) {
            sampled.put(names.get(j), dists.get(j).fromInternal(best[j]));
        }
        // keep the space's parameter order
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String name : space.distributions().keySet()) {
            ordered.put(name, out.containsKey(name) ? out.get(name) : sampled.get(name));
        }
        return ordered;
    }

    private static double[][] internal(List<String> names, List<Distribution> dists, List<Trial> trials) {
        double[][] x = new double[trials.size()][names.size()];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < names.size(); j++) {
                x[i][j] = dists.get(j).toInternal(trials.get(i).params().get(names.get(j)));
            }
        }
        return x;
    }

    private Object sampleNumeric(String name, Distribution d, List<Trial> good, List<Trial> bad, RandomGenerator rng) {
        double lo = d.internalLow();
        double hi = d.internalHigh();
        ParzenEstimator l = new ParzenEstimator(internal(name, d, good), lo, hi, settings.priorWeight());
        ParzenEstimator g = new ParzenEstimator(internal(name, d, bad), lo, hi, settings.priorWeight());
        double best = Double.NaN;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < settings.candidates(); i++) {
            double x = l.sample(rng);
            double score = l.logPdf(x) - g.logPdf(x);
            if (score > bestScore) {
                bestScore = score;
                best = x;
            }
        }
        return d.fromInternal(best);
    }

    private Object sampleCategorical(
            String name, Distribution d, List<Trial> good, List<Trial> bad, RandomGenerator rng) {
        int k = (int) Math.round(d.internalHigh() + 0.5);
        double[] l = categoryWeights(name, d, good, k);
        double[] g = categoryWeights(name, d, bad, k);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < settings.candidates(); i++) {
            double u = rng.nextDouble();
            int c = 0;
            double acc = l[0];
            while (u > acc && c < k - 1) {
                c++;
                acc += l[c];
            }
            double score = Math.log(l[c]) - Math.log(g[c]);
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return d.fromInternal(best);
    }

    private double[] categoryWeights(String name, Distribution d, List<Trial> trials, int k) {
        double[] w = new double[k];
        double total = 0;
        for (int c = 0; c < k; c++) {
            w[c] = settings.priorWeight() / k;
            total += w[c];
        }
        for (Trial t : trials) {
            w[(int) Math.round(d.toInternal(t.params().get(name)))] += 1;
            total += 1;
        }
        for (int c = 0; c < k; c++) {
            w[c] /= total;
        }
        return w;
    }

    private static double[] internal(String name, Distribution d, List<Trial> trials) {
        double[] x = new double[trials.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = d.toInternal(trials.get(i).params().get(name));
        }
        return x;
    }
}
