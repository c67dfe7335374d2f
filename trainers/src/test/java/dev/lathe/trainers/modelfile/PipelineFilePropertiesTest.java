package dev.lathe.trainers.modelfile;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lathe.core.LatheException;
import dev.lathe.core.features.DictVectorizer;
import dev.lathe.core.model.Model;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.recipe.Recipe;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.trainers.boosted.TestData;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Pipeline loading (recipe, encoder and model blocks behind one digest) answers a pipeline or a
 * {@link LatheException} for damaged files, resealed or not: never another exception type or a hang.
 */
class PipelineFilePropertiesTest {
    private static final Duration HANG = Duration.ofSeconds(30);

    private static final List<byte[]> VALID = List.of(pipeline());

    private static byte[] pipeline() {
        Recipe recipe = TlcRecipes.course();
        DictVectorizer encoder = DictVectorizer.fit(
                recipe.features(Map.of("PULocationID", 7L, "DOLocationID", 43L, "trip_distance", 2.5)));
        int width = encoder.transform(
                        recipe.features(Map.of("PULocationID", 7L, "DOLocationID", 43L, "trip_distance", 2.5)))
                .cols();
        Model model = new RidgeTrainer(RidgeParams.of(1.0)).fit(TestData.taxiLike("train", 40, width - 1, 0.5, 3));
        return new FittedPipeline(recipe, encoder, model).toBytes();
    }

    @Property(tries = 300)
    void damagedPipelinesLoadOrFailWithALatheError(@ForAll("damagedPipelines") byte[] bytes) {
        assertTimeoutPreemptively(HANG, () -> {
            try {
                FittedPipeline.fromBytes(bytes, "fuzzed.lathe");
            } catch (LatheException expected) {
                // the one allowed failure
            } catch (Throwable other) {
                fail("loading " + bytes.length + " bytes threw " + other, other);
            }
        });
    }

    @Provide
    Arbitrary<byte[]> damagedPipelines() {
        return Damage.of(VALID);
    }
}
