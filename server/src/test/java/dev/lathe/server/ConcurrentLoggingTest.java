package dev.lathe.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.tracking.MlflowClient;

/** Several MLflow clients log to their own runs at once through one server: every point and param is stored. */
class ConcurrentLoggingTest {
    private static final int CLIENTS = 6;
    private static final int POINTS = 40;

    @TempDir
    Path dir;

    @Test
    void everyWriteOfEveryClientIsStored() throws Exception {
        try (LiveServer live = new LiveServer(dir)) {
            String exp = live.store.createExperiment("parallel");
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<String>> runs = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int clientNo = c;
                runs.add(pool.submit(() -> {
                    try (MlflowClient client = live.client()) {
                        String runId = client.createRun(exp).getRunId();
                        for (int step = 0; step < POINTS; step++) {
                            client.logMetric(runId, "loss", clientNo * 1000 + step, 1_000L + step, step);
                            client.logParam(runId, "p" + step, Integer.toString(clientNo));
                        }
                        return runId;
                    }
                }));
            }
            pool.shutdown();
            for (int c = 0; c < CLIENTS; c++) {
                String runId = runs.get(c).get();
                live.store.flush();
                List<Metric> history = live.store.getMetricHistory(runId, "loss");
                assertEquals(POINTS, history.size(), runId);
                for (int step = 0; step < POINTS; step++) {
                    assertEquals(c * 1000 + step, history.get(step).value());
                    assertEquals(step, history.get(step).step());
                }
                Run run = live.store.getRun(runId);
                assertEquals(POINTS, run.data().params().size());
                assertEquals(Integer.toString(c), run.data().params().get("p0"));
            }
        }
    }
}
