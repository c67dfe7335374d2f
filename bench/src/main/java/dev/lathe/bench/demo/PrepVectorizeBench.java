package dev.lathe.bench.demo;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.features.DictVectorizer;
import dev.lathe.core.io.TableReader;
import dev.lathe.core.recipe.PreparedTable;
import dev.lathe.core.recipe.Recipe;
import dev.lathe.core.recipe.TrainValid;
import dev.lathe.tlc.TlcRecipes;
import java.nio.file.Path;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * Times what the demo does after the read on one file read once: prepare (filters, target, dictionary-
 * encoded features), fit the encoder, encode into a dataset (with its digest), pass by pass, and the heap
 * the prepared table and the dataset hold after a GC, so that changes to preparation and encoding are
 * measured apart from reading. Usage: {@code bench/run.sh dev.lathe.bench.demo.PrepVectorizeBench FILE [passes]}.
 */
public final class PrepVectorizeBench {
    private PrepVectorizeBench() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Recipe recipe = TlcRecipes.course();
        Table raw = TableReader.read(file, recipe.inputColumns());
        long before = liveBytes();
        System.out.printf(
                Locale.ROOT,
                "%-5s %8s %8s %10s %12s %s%n",
                "pass",
                "prep_s",
                "fit_s",
                "encode_s",
                "held_MiB",
                "digest");
        for (int i = 0; i < passes; i++) {
            long a = System.nanoTime();
            PreparedTable prepared = recipe.prepare(raw, file.toString());
            long b = System.nanoTime();
            DictVectorizer encoder = DictVectorizer.fit(prepared.features());
            long c = System.nanoTime();
            Dataset data = TrainValid.toDataset(file, prepared, encoder);
            long d = System.nanoTime();
            long held = liveBytes() - before;
            System.out.printf(
                    Locale.ROOT,
                    "%-5d %8.3f %8.3f %10.3f %12d %s (%d rows, %d kept)%n",
                    i,
                    (b - a) / 1e9,
                    (c - b) / 1e9,
                    (d - c) / 1e9,
                    held >> 20,
                    data.digest().substring(0, 12),
                    prepared.report().rowsRead(),
                    data.rows());
        }
    }

    private static long liveBytes() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
