package dev.lathe.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver (Selenium 4), with the checks every page must
 * pass: no JavaScript error or blocked request in the browser's log, and no request to any host but
 * the server's. Missing Chromium fails the tests (CI installs it) unless {@code -Dlathe.ui.skipBrowser=true}.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("lathe.ui.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("lathe.ui.chromedriver", "/usr/bin/chromedriver");
    static final int WIDTH = 1280;
    static final int HEIGHT = 800;

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final String origin;

    private Browser(ChromeDriver driver, String origin) {
        this.driver = driver;
        this.origin = origin;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** A browser for pages of {@code origin} (e.g. http://127.0.0.1:4321). */
    static Browser open(URI origin) {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            String message = "the browser tests need Debian's Chromium and chromedriver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + " (apt-get install chromium chromium-driver; .ci/run installs them)";
            if (Boolean.getBoolean("lathe.ui.skipBrowser")) {
                Assumptions.abort(message + "; skipped by -Dlathe.ui.skipBrowser=true");
            }
            fail(message + ", or pass -Dlathe.ui.skipBrowser=true to skip them on this machine");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--window-size=" + WIDTH + "," + HEIGHT);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriver driver = new ChromeDriver(service, options);
        // the viewport itself WIDTH x HEIGHT, so that screenshots are that size
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
        return new Browser(driver, origin.toString());
    }

    void get(String pathAndQuery) {
        driver.get(origin + pathAndQuery);
    }

    WebElement waitFor(String css) {
        return wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** The errors the browser logged since the last call (script errors, CSP violations, failed loads). */
    List<String> takeErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .collect(Collectors.toList());
    }

    /** Fails on any error the browser logged since the last call. */
    void assertNoErrorsLogged() {
        assertEquals(List.of(), takeErrors(), "errors in the browser's console");
    }

    /** Fails when the current page requested anything from another origin than the server's. */
    @SuppressWarnings("unchecked")
    void assertOnlyLocalRequests() {
        List<String> urls = (List<String>)
                script("return [location.href].concat(performance.getEntriesByType('resource').map(e => e.name));");
        List<String> foreign =
                urls.stream().filter(u -> !u.startsWith(origin + "/")).toList();
        assertEquals(List.of(), foreign, "requests to other hosts than " + origin);
    }

    /**
     * Saves the viewport as {@code name}.png under target/ui-screenshots, and into the directory of
     * {@code -Dlathe.ui.screenshots} when given (docs/img for the README).
     */
    void screenshot(String name) {
        Path png = driver.getScreenshotAs(OutputType.FILE).toPath();
        try {
            Path local = Path.of("target", "ui-screenshots", name + ".png");
            Files.createDirectories(local.getParent());
            Files.copy(png, local, StandardCopyOption.REPLACE_EXISTING);
            String docs = System.getProperty("lathe.ui.screenshots");
            if (docs != null && !docs.isBlank()) {
                Path target = Path.of(docs, name + ".png");
                Files.createDirectories(target.getParent());
                Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
