package dev.lathe.bench.serving;

import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.io.TableReader;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.trainers.boosted.XGBoostModel;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tech.tablesaw.api.Table;

/**
 * Embedded one-row prediction (what a Java service calls per request), sampled for percentiles: the
 * linear and the course's XGBoost pipeline from column -> value, and the XGBoost model alone on one
 * encoded row through its three paths (a DMatrix built per call, XGBoost's in-place prediction, Lathe's own
 * walk of the trees), and 1,000 rows of 2023-02 through the XGBoost pipeline and its walk alone (the
 * serving goal's large request). The pipelines come from
 * {@link ServingModels}' directory, {@code -Dlathe.bench.serving=DIR} (default target/serving).
 * Usage: {@code bench/run.sh org.openjdk.jmh.Main OneRowPredictBench -f 1 -wi 3 -i 5 -w 2s -r 3s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OneRowPredictBench {
    /** The row of the README: 166 -> 143, 2.58 miles. */
    static final Map<String, Object> ROW = Map.of("PULocationID", 166L, "DOLocationID", 143L, "trip_distance", 2.58);

    FittedPipeline linear;
    FittedPipeline xgboost;
    XGBoostModel xgboostModel;
    SparseMatrix encoded;
    Table thousand;
    SparseMatrix thousandEncoded;

    @Setup
    public void load() {
        Path dir = Path.of(System.getProperty("lathe.bench.serving", "target/serving"));
        linear = FittedPipeline.load(dir.resolve("linear.lathe"));
        xgboost = FittedPipeline.load(dir.resolve("xgboost.lathe"));
        xgboostModel = (XGBoostModel) xgboost.model();
        encoded = xgboost.encoder().transform(xgboost.recipe().features(ROW));
        Path month = Path.of(System.getProperty("lathe.bench.data", "data/tlc"), "green_tripdata_2023-02.parquet");
        thousand = TableReader.read(month).first(1000);
        thousandEncoded = xgboost.encoder().transform(xgboost.recipe().features(thousand, month.toString()));
    }

    @Benchmark
    public double linearPipelineRow() {
        return linear.predict(ROW);
    }

    @Benchmark
    public double xgboostPipelineRow() {
        return xgboost.predict(ROW);
    }

    @Benchmark
    public double[] xgboostPipeline1000Rows() {
        return xgboost.predict(thousand);
    }

    @Benchmark
    public double[] xgboostModel1000RowsByWalk() {
        return xgboostModel.predictByWalk(thousandEncoded);
    }

    @Benchmark
    public double[] xgboostModelRowInPlace() {
        return xgboostModel.predictInPlace(encoded);
    }

    @Benchmark
    public double[] xgboostModelRowByWalk() {
        return xgboostModel.predictByWalk(encoded);
    }

    @Benchmark
    public double[] xgboostModelRowViaMatrix() {
        return xgboostModel.predictViaMatrix(encoded);
    }
}
