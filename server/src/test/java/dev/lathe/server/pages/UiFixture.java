package dev.lathe.server.pages;

import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.ModelStage;
import dev.lathe.core.tracking.Param;
import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunTag;
import dev.lathe.server.LatheServer;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.tuning.ScoreMetric;
import dev.lathe.tuning.SearchResult;
import dev.lathe.tuning.SearchSettings;
import dev.lathe.tuning.Study;
import dev.lathe.tuning.TrialObjective;
import dev.lathe.tuning.pruning.MedianPruner;
import dev.lathe.tuning.sampler.RandomSampler;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.tracking.SearchTracking;
import dev.lathe.tuning.trial.ParamSet;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A store filled through Lathe's own API, as a user's training would fill it, with a live server over
 * it: experiment "taxi" with {@link #FLAT_RUNS} runs (params lr and depth, metrics rmse and mae with
 * histories, and {@link #EXTRA_METRICS} more metrics), a search parent with {@link #CHILDREN} nested trials, a run named {@link #HOSTILE}, an
 * empty experiment, a registered model whose version 1 comes from run "run-07" (alias champion, stage
 * Production), artifacts on that run (an HTML report, a CSV, a JSON file and a PNG), and in experiment
 * "tuning" a real search with pruned trials ({@link #studyId}).
 */
final class UiFixture implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static final String EXPERIMENT = "taxi";
    /** The experiment of the real search ({@link #studyId}), run through Lathe's tuning API. */
    static final String TUNING = "tuning";
    /** Trials of the real search, and the steps each reports before pruning can stop it. */
    static final int STUDY_TRIALS = 16;

    static final int STUDY_STEPS = 10;
    static final String HOSTILE = "<script>alert(1)</script>";
    /** The store's directory name: user text too (shown on the experiments page). */
    static final String STORE_DIR = "store<i>x</i>";

    static final String MODEL = "taxi-fare";
    static final String REPORT = "report/report.html";
    static final String REPORT_TEXT = "Evaluation report of run-07";
    static final int FLAT_RUNS = 30;
    static final int CHILDREN = 3;
    static final int HISTORY = 12;
    /** More metric keys (z00, z01, ...) than the runs table shows by default. */
    static final int EXTRA_METRICS = 10;

    final SqliteTrackingStore store;
    final LatheServer server;
    final String experimentId;
    final String parentId;
    final List<String> runIds = new ArrayList<>();
    final String hostileId;
    /** The parent run of a real random search with median pruning (experiment {@link #TUNING}). */
    final String studyId;
    /** Runs still open for writing; all end (FINISHED) once everything is logged. */
    private final List<String> running = new ArrayList<>();

    UiFixture(Path dir) {
        store = SqliteTrackingStore.open(dir.resolve(STORE_DIR));
        experimentId = store.createExperiment(EXPERIMENT);
        store.createExperiment("empty experiment");
        for (int i = 0; i < FLAT_RUNS; i++) {
            runIds.add(run(String.format("run-%02d", i), null, 0.01 * (i + 1), 2 + i % 5, i));
        }
        parentId = run("search", null, 0.5, 3, 99);
        for (int i = 0; i < CHILDREN; i++) {
            run("trial-" + i, parentId, 0.1 * (i + 1), 4, 40 + i);
        }
        hostileId = run(HOSTILE, null, 0.3, 2, 77);
        store.setTag(hostileId, "comment", HOSTILE);
        store.logParam(hostileId, "note", HOSTILE);

        String source = runIds.get(7);
        store.logArtifact(source, REPORT, report());
        store.logArtifact(
                source, "data/predictions.csv", "trip,fare\n1,12.5\n2,7.25\n".getBytes(StandardCharsets.UTF_8));
        store.logArtifact(source, "metrics.json", "{\"rmse\":1.5,\"n\":3}".getBytes(StandardCharsets.UTF_8));
        store.logArtifact(source, "plots/residuals.png", png());
        store.logInputs(
                source,
                List.of(new DatasetInput("green-2023-01", "abc123", "data/green.parquet", null, 1000, "training")));
        store.registry().createRegisteredModel(MODEL, "Fare model", Map.of());
        store.registry().createModelVersion(MODEL, "runs:/" + source + "/model", source, "first", Map.of());
        store.registry().transitionModelVersionStage(MODEL, 1, ModelStage.PRODUCTION, false);
        store.registry().setAlias(MODEL, "champion", 1);
        running.forEach(id -> store.updateRunStatus(id, RunStatus.FINISHED));
        studyId = study(store);
        server = LatheServer.start(store, new InetSocketAddress("127.0.0.1", 0));
    }

    /** A run: params lr and depth, rmse and mae logged at {@link #HISTORY} steps (rmse falls to 1 + seed/10). */
    private String run(String name, String parent, double lr, int depth, int seed) {
        RunSpec.Builder spec = RunSpec.builder(experimentId).runName(name);
        if (parent != null) {
            spec.parentRunId(parent);
        }
        RunInfo info = store.createRun(spec.build());
        List<Metric> metrics = new ArrayList<>();
        long t0 = 1_700_000_000_000L + seed * 60_000L;
        for (int step = 0; step < HISTORY; step++) {
            metrics.add(new Metric("rmse", 1 + seed / 10.0 + 5.0 / (step + 1), t0 + step * 1000L, step));
            metrics.add(new Metric("mae", 0.5 + seed / 20.0 + 2.0 / (step + 1), t0 + step * 1000L, step));
        }
        for (int k = 0; k < EXTRA_METRICS; k++) {
            metrics.add(new Metric(String.format("z%02d", k), seed * (k + 1), t0, 0));
        }
        store.logBatch(
                info.runId(),
                metrics,
                List.of(new Param("lr", Double.toString(lr)), new Param("depth", Integer.toString(depth))),
                List.of(new RunTag("team", "fares")));
        running.add(info.runId());
        return info.runId();
    }

    /**
     * A real search through Lathe's tuning API: lr, depth and booster drawn at random, each trial
     * reporting rmse = 1 + 4 lr + 0.05 depth (+ 0.02 for dart) + 2/(step+1) at each step, median
     * pruning after 3 trials; the score is the last step's value.
     */
    private static String study(SqliteTrackingStore store) {
        SearchSpace space = SearchSpace.builder()
                .uniform("lr", 0.01, 0.3)
                .intRange("depth", 2, 8)
                .choice("booster", List.of("gbtree", "dart"))
                .build();
        TrialObjective objective = trial -> {
            ParamSet p = trial.params();
            double base = 1
                    + 4 * p.getDouble("lr")
                    + 0.05 * p.getInt("depth")
                    + ("dart".equals(p.getString("booster")) ? 0.02 : 0);
            double value = Double.NaN;
            for (int step = 0; step < STUDY_STEPS; step++) {
                value = base + 2.0 / (step + 1);
                trial.report(step, value);
                if (trial.shouldPrune(step)) {
                    return value;
                }
            }
            return value;
        };
        SearchResult result = Study.builder(
                        space,
                        new RandomSampler(),
                        objective,
                        SearchSettings.builder(STUDY_TRIALS, 42)
                                .threads(1)
                                .batchSize(1)
                                .score(ScoreMetric.of("rmse"))
                                .build())
                .pruner(new MedianPruner(3, 2))
                .tracking(new SearchTracking(store, TUNING, "random-search"))
                .build()
                .run();
        return result.parentRunId().orElseThrow();
    }

    private static byte[] report() {
        return ("<!doctype html><html><head><title>report</title><style>h1{color:#1f6feb}</style></head><body><h1>"
                        + REPORT_TEXT + "</h1><p>rmse 1.5</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 120, 80);
        g.setColor(Color.BLUE);
        g.fillOval(30, 10, 60, 60);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    String url(String pathAndQuery) {
        return server.uri() + pathAndQuery;
    }

    /** GET {@code pathAndQuery} on this server, the body as text. */
    HttpResponse<String> get(String pathAndQuery) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(url(pathAndQuery))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
