package dev.lathe.bench.server;

import dev.lathe.core.tracking.ViewType;
import dev.lathe.server.LatheServer;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 15's page goals in a real browser (Debian's headless Chromium through its chromedriver) on the
 * store {@link UiStore} builds: the runs table's first page, and a compare page of 500 runs until its
 * parallel coordinates are drawn. Each time is the page's own {@code performance.mark('lathe-ready')},
 * from the start of navigation (HTML, scripts, API calls, rendering); median and p95 of 10 loads after 2.
 *
 * <pre>bench/run.sh dev.lathe.bench.server.UiPageTimes [STORE_DIR=/tmp/lathe-ui-speed] [RUNS=100000]</pre>
 */
public final class UiPageTimes {
    private static final int WARMUPS = 2;
    private static final int REPEATS = 10;

    private UiPageTimes() {}

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/lathe-ui-speed");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            String experimentId = UiStore.ensure(store, runs, 42);
            List<String> ids =
                    store.searchRuns(List.of(experimentId), null, List.of(), 500, null, ViewType.ALL).items().stream()
                            .map(r -> r.info().runId())
                            .toList();
            try (LatheServer server = LatheServer.start(store, new InetSocketAddress("127.0.0.1", 0))) {
                ChromeDriver driver = chromium();
                try {
                    System.out.println("page                                          median ms   p95 ms");
                    time(driver, server.uri(), "runs table, first page (25 rows)", "/experiment?id=" + experimentId);
                    time(
                            driver,
                            server.uri(),
                            "runs table, first page (50 rows)",
                            "/experiment?id=" + experimentId + "&size=50");
                    time(
                            driver,
                            server.uri(),
                            "runs table, 50 rows, filtered + sorted",
                            "/experiment?id=" + experimentId
                                    + "&size=50&filter=metrics.m1%20%3E%200.5&order=metrics.m0%20DESC");
                    time(
                            driver,
                            server.uri(),
                            "compare 500 runs (parallel coordinates)",
                            "/compare?runs=" + String.join(",", ids));
                } finally {
                    driver.quit();
                }
            }
        }
    }

    private static ChromeDriver chromium() {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("lathe.ui.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("lathe.ui.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,800");
        return new ChromeDriver(service, options);
    }

    private static void time(ChromeDriver driver, URI base, String label, String page) {
        double[] ms = new double[REPEATS];
        for (int i = -WARMUPS; i < REPEATS; i++) {
            driver.get(base.resolve(page).toString());
            Object mark = new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> ((JavascriptExecutor) d)
                    .executeScript("const m = performance.getEntriesByName('lathe-ready');"
                            + " return m.length ? m[0].startTime : null;"));
            if (i >= 0) {
                ms[i] = ((Number) mark).doubleValue();
            }
        }
        Arrays.sort(ms);
        double median = (ms[REPEATS / 2 - 1] + ms[REPEATS / 2]) / 2;
        double p95 = ms[(int) Math.ceil(0.95 * REPEATS) - 1];
        System.out.printf(Locale.ROOT, "%-45s %9.1f %8.1f%n", label, median, p95);
        Object marks = ((JavascriptExecutor) driver)
                .executeScript("return performance.getEntriesByType('mark').map(m => m.name + ' '"
                        + " + Math.round(m.startTime)).join(', ');");
        System.out.println("    marks of the last load (ms from navigation): " + marks);
    }
}
