package dev.lathe.trainers.modelfile;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelIO;
import dev.lathe.trainers.boosted.TestData;
import dev.lathe.trainers.boosted.XGBoostParams;
import dev.lathe.trainers.boosted.XGBoostTrainer;
import dev.lathe.trainers.ensemble.WeightedAverageModel;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import dev.lathe.trainers.tribuo.SgdParams;
import dev.lathe.trainers.tribuo.TribuoForestParams;
import dev.lathe.trainers.tribuo.TribuoForestTrainer;
import dev.lathe.trainers.tribuo.TribuoSgdTrainer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Model loading never answers anything but a model or a {@link LatheException}: not another exception
 * type, not an OutOfMemoryError, not a hang. Inputs are arbitrary bytes (with and without a valid
 * header) and valid files of every kind with bits flipped, tails cut and counts spliced in, both as
 * they are (the digest catches them) and resealed with a fresh digest (so the decoders see them).
 * CI runs a fixed seed; {@code -Dlathe.fuzz.seed=random -Dlathe.fuzz.tries=N} makes a longer run.
 */
class ModelFilePropertiesTest {
    /** Far above any single load here; only a hang reaches it. */
    private static final Duration HANG = Duration.ofSeconds(30);

    private static final int MAGIC = 0x4C41544D;

    /** A valid file of every kind (and an ensemble holding two kinds), built once. */
    private static final List<byte[]> VALID = validFiles();

    private static List<byte[]> validFiles() {
        Dataset train = TestData.taxiLike("train", 120, 3, 1.0, 4);
        Model ridge = new RidgeTrainer(RidgeParams.of(1.0)).fit(train);
        Model xgb = new XGBoostTrainer(XGBoostParams.builder(3).build()).fit(train);
        Model sgd = new TribuoSgdTrainer(new SgdParams(2, 0.1, 1, 1)).fit(train);
        Model forest = new TribuoForestTrainer(new TribuoForestParams(2, 3, 0.5f, 1f, 1)).fit(train);
        Model average = WeightedAverageModel.of(List.of(ridge, xgb), new double[] {1, 2});
        return List.of(ridge, xgb, sgd, forest, average).stream()
                .map(ModelIO::toBytes)
                .toList();
    }

    /** Loads {@code bytes}: a model or a Lathe error pass, anything else (or a hang) fails the property. */
    private static void loadsOrFailsCleanly(byte[] bytes) {
        assertTimeoutPreemptively(HANG, () -> {
            try {
                ModelIO.fromBytes(bytes, "fuzzed.lathe");
            } catch (LatheException expected) {
                // the one allowed failure
            } catch (Throwable other) {
                fail("loading " + bytes.length + " bytes threw " + other, other);
            }
        });
    }

    @Property(tries = 300)
    void arbitraryBytesLoadOrFailWithALatheError(@ForAll("arbitraryFiles") byte[] bytes) {
        loadsOrFailsCleanly(bytes);
    }

    @Property(tries = 400)
    void damagedModelFilesLoadOrFailWithALatheError(@ForAll("damagedFiles") byte[] bytes) {
        loadsOrFailsCleanly(bytes);
    }

    @Provide
    Arbitrary<byte[]> arbitraryFiles() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
        Arbitrary<byte[]> headed = Combinators.combine(Arbitraries.integers().between(1, 3), raw)
                .as((version, body) -> withHeader(version, body));
        return Arbitraries.oneOf(raw, headed);
    }

    @Provide
    Arbitrary<byte[]> damagedFiles() {
        return Damage.of(VALID);
    }

    private static byte[] withHeader(int version, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(8 + body.length);
        b.putInt(MAGIC).putInt(version).put(body);
        return b.array();
    }
}
