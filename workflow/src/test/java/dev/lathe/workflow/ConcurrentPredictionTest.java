package dev.lathe.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.core.io.TableReader;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.trainers.boosted.XGBoostParams;
import dev.lathe.trainers.boosted.XGBoostTrainer;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A pipeline loaded by {@code models:/name@alias} is shared by serving threads: many threads predicting
 * rows and tables at once must give exactly (bit for bit) the answers of one thread, for the linear and
 * the XGBoost pipeline.
 */
class ConcurrentPredictionTest {
    private static final int THREADS = 8;
    private static final int ROWS = 400;

    static TrainingData data;
    static Table feb;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        data = TrainingData.load(LatheTest.month("2023-01"), LatheTest.month("2023-02"), TlcRecipes.course());
        feb = TableReader.read(LatheTest.month("2023-02")).first(ROWS);
    }

    @Test
    void ridgeLoadedByAliasPredictsTheSameOnEightThreadsAsOnOne() throws Exception {
        try (Lathe lathe = Lathe.open(tmp.resolve("store"))) {
            String run = lathe.experiment("taxi")
                    .train(new RidgeTrainer(RidgeParams.of(1.0)), data)
                    .runId();
            lathe.register(run, "taxi-duration", "champion");
            assertConcurrentEqualsSequential(lathe.load("models:/taxi-duration@champion"));
        }
    }

    @Test
    void xgboostLoadedByAliasPredictsTheSameOnEightThreadsAsOnOne() throws Exception {
        try (Lathe lathe = Lathe.open(tmp.resolve("store"))) {
            String run = lathe.experiment("taxi")
                    .train(
                            new XGBoostTrainer(XGBoostParams.builder(20)
                                    .maxDepth(6)
                                    .seed(42)
                                    .build()),
                            data)
                    .runId();
            lathe.register(run, "taxi-xgb", "champion");
            assertConcurrentEqualsSequential(lathe.load("models:/taxi-xgb@champion"));
        }
    }

    private static void assertConcurrentEqualsSequential(FittedPipeline pipeline) throws Exception {
        List<Map<String, Object>> rows = rows(feb);
        double[] expected = new double[rows.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = pipeline.predict(rows.get(i));
        }
        double[] table = pipeline.predict(feb);
        assertArrayEquals(expected, table, 0.0, "a table predicts as its rows one by one");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<double[]>> singles = new ArrayList<>();
            List<Future<double[]>> tables = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t * 37;
                singles.add(pool.submit(() -> {
                    start.await();
                    double[] out = new double[rows.size()];
                    for (int k = 0; k < out.length; k++) {
                        int i = (k + offset) % out.length; // each thread walks the rows from another place
                        out[i] = pipeline.predict(rows.get(i));
                    }
                    return out;
                }));
                tables.add(pool.submit((Callable<double[]>) () -> {
                    start.await();
                    return pipeline.predict(feb);
                }));
            }
            start.countDown();
            for (int t = 0; t < THREADS; t++) {
                assertArrayEquals(expected, singles.get(t).get(), 0.0, "thread " + t + ", one row at a time");
                assertArrayEquals(expected, tables.get(t).get(), 0.0, "thread " + t + ", the whole table");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(ROWS, expected.length);
    }

    /** Each row of {@code t} as column name -> value, as a client sends it. */
    static List<Map<String, Object>> rows(Table t) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            Map<String, Object> row = new HashMap<>();
            for (var c : t.columns()) {
                row.put(c.name(), c.isMissing(r) ? null : c.get(r));
            }
            out.add(row);
        }
        return out;
    }
}
