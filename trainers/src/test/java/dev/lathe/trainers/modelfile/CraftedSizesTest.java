package dev.lathe.trainers.modelfile;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.DataException;
import dev.lathe.core.model.ModelIO;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts and lengths inside a model payload are bounded by the bytes that remain before anything is
 * allocated: each crafted file below used to make the reader allocate far more than its own size
 * (~1.2 GB, 2^31-1 ints, a 2 GB block) and now fails at once with the file, the field, the count and
 * the bytes remaining.
 */
class CraftedSizesTest {
    private static final int FILLER = 86_000;

    private static DataException load(Path dir, byte[] bytes) throws Exception {
        Path file = Files.write(dir.resolve("crafted.lathe"), bytes);
        DataException e = assertThrows(DataException.class, () -> ModelIO.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        return e;
    }

    private static void assertNames(DataException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void aLinearFeatureCountLargerThanTheFileFailsBeforeAllocating(@TempDir Path dir) throws Exception {
        byte[] bytes = CraftedFile.format1("linear", out -> {
            out.writeInt(1);
            CraftedFile.provenance(out);
            out.writeInt(150_000_000); // 150M names and doubles: ~1.2 GB before the first read
            CraftedFile.filler(out, FILLER);
        });
        assertNames(load(dir, bytes), "linear.feature_count", "150000000", "remain");
    }

    @Test
    void anXGBoostColumnSubsetOfMaxIntColumnsFailsBeforeAllocating(@TempDir Path dir) throws Exception {
        byte[] bytes = CraftedFile.format1("xgboost", out -> {
            out.writeInt(2);
            CraftedFile.provenance(out);
            out.writeInt(0); // no feature names
            out.writeInt(0);
            out.writeInt(1);
            out.writeInt(1);
            out.writeInt(Integer.MAX_VALUE); // input columns
            out.writeInt(Integer.MAX_VALUE); // kept columns: 2^31-1 ints
            CraftedFile.filler(out, FILLER);
        });
        assertNames(load(dir, bytes), "xgboost.column_subset", Integer.toString(Integer.MAX_VALUE), "remain");
    }

    @Test
    void aTwoGigabyteBlockLengthFailsBeforeAllocating(@TempDir Path dir) throws Exception {
        byte[] bytes = CraftedFile.format1("xgboost", out -> {
            out.writeInt(1); // version 1: no column subset, the booster block follows the counters
            CraftedFile.provenance(out);
            out.writeInt(0);
            out.writeInt(0);
            out.writeInt(1);
            out.writeInt(1);
            out.writeInt(Integer.MAX_VALUE); // booster block length: 2 GB
            CraftedFile.filler(out, FILLER);
        });
        assertNames(load(dir, bytes), "xgboost.booster", Integer.toString(Integer.MAX_VALUE), "remain");
    }

    @Test
    void ensembleMemberAndWeightCountsAreBoundedByTheFile(@TempDir Path dir) throws Exception {
        byte[] members = CraftedFile.format1("stacked", out -> {
            out.writeInt(1);
            CraftedFile.provenance(out);
            out.writeInt(9_000_000);
            CraftedFile.filler(out, 100);
        });
        assertNames(load(dir, members), "ensemble.member_count", "9000000", "remain");
        byte[] weights = CraftedFile.format1("weighted_average", out -> {
            out.writeInt(1);
            CraftedFile.provenance(out);
            out.writeInt(9_000_000);
            CraftedFile.filler(out, 100);
        });
        assertNames(load(dir, weights), "weighted_average.weight_count", "9000000", "remain");
    }

    @Test
    void provenanceAndNameCountsAreBoundedByTheFile(@TempDir Path dir) throws Exception {
        byte[] map = CraftedFile.format1("linear", out -> {
            out.writeInt(1);
            out.writeUTF("crafted");
            out.writeInt(9_000_000); // hyperparameter entries
            CraftedFile.filler(out, 100);
        });
        assertNames(load(dir, map), "provenance.hyperparameters", "9000000", "remain");
        byte[] names = CraftedFile.format1("tribuo", out -> {
            out.writeInt(1);
            CraftedFile.provenance(out);
            out.writeInt(9_000_000); // feature names
            CraftedFile.filler(out, 100);
        });
        assertNames(load(dir, names), "feature_names", "9000000", "remain");
    }
}
