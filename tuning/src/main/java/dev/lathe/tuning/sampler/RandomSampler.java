package dev.lathe.tuning.sampler;

import dev.lathe.core.Direction;
import dev.lathe.tuning.space.Distribution;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.trial.Trial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Draws every parameter independently from its distribution (hyperopt's rand.suggest). */
public final class RandomSampler implements Sampler {
    @Override
    public String name() {
        return "random";
    }

    @Override
    public Map<String, Object> sample(
            SearchSpace space, int trialNumber, List<Trial> history, Direction direction, RandomGenerator rng) {
        return sampleIndependent(space, rng);
    }

    static Map<String, Object> sampleIndependent(SearchSpace space, RandomGenerator rng) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Distribution> e : space.distributions().entrySet()) {
            out.put(e.getKey(), e.getValue().sample(rng));
        }
        return out;
    }
}
