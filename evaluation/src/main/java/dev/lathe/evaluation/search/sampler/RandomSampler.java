package dev.lathe.evaluation.search.sampler;

import dev.lathe.evaluation.search.Direction;
import dev.lathe.evaluation.search.Trial;
import dev.lathe.evaluation.search.space.Distribution;
import dev.lathe.evaluation.search.space.SearchSpace;
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
