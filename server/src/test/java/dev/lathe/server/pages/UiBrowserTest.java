package dev.lathe.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What a user does, in Debian's headless Chromium against a live server over a store Lathe's API
 * filled ({@link UiFixture}): open the experiment, filter (and see a bad filter's error in place),
 * sort, page, pick columns, compare three runs, open a run, open its report artifact, open the
 * registry. Every page: no console error, no request to any host but the server's. One browser for
 * the class; screenshots of each page (see {@link Browser#screenshot}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiBrowserTest {
    @TempDir
    static Path dir;

    private UiFixture ui;
    private Browser browser;

    @BeforeAll
    void start() {
        ui = new UiFixture(dir);
        browser = Browser.open(ui.server.uri());
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        ui.close();
    }

    @AfterEach
    void everyPageStaysLocalAndQuiet() {
        browser.assertOnlyLocalRequests();
        browser.assertNoErrorsLogged();
    }

    /** The run names of the table's shown rows (read in one script: the table is redrawn as answers arrive). */
    @SuppressWarnings("unchecked")
    private List<String> visibleRunNames() {
        return (List<String>) browser.script("return [...document.querySelectorAll('#runs tbody tr')]"
                + ".filter(tr => !tr.hidden).map(tr => tr.querySelector('a.run-name').textContent)");
    }

    /** Waits until the runs table shows {@code first} in its first row (the answer of a new search arrived). */
    private void waitForFirstRun(String first) {
        browser.wait.until(d -> {
            List<String> names = visibleRunNames();
            return !names.isEmpty() && names.get(0).equals(first);
        });
    }

    private void search(String filter) {
        WebElement box = browser.waitFor("#filter");
        box.clear();
        box.sendKeys(filter);
        browser.driver.findElement(By.id("search")).click();
    }

    @Test
    @Order(1)
    void theExperimentsListLinksToEachExperiment() {
        browser.get("/");
        WebElement taxi = browser.waitFor("a.experiment");
        List<String> names =
                browser.all("a.experiment").stream().map(WebElement::getText).toList();
        assertTrue(names.containsAll(List.of(UiFixture.EXPERIMENT, "empty experiment")), names.toString());
        assertTrue(browser.driver.findElement(By.id("subheading")).getText().contains(UiFixture.STORE_DIR));
        browser.screenshot("ui-experiments");
        browser.all("a.experiment").stream()
                .filter(a -> a.getText().equals(UiFixture.EXPERIMENT))
                .findFirst()
                .orElse(taxi)
                .click();
        browser.waitFor("#runs");
        assertEquals(
                UiFixture.EXPERIMENT,
                browser.driver.findElement(By.id("heading")).getText());
    }

    @Test
    @Order(2)
    void theRunsTableShowsTenColumnsNestsChildrenAndShowsRunNamesAsText() {
        browser.get("/experiment?id=" + ui.experimentId);
        waitForFirstRun(UiFixture.HOSTILE); // the newest run first; its name shown as text, not run
        assertThrowsNoAlert();
        // a checkbox column and the 10 default columns
        assertEquals(11, browser.all("#runs thead th").size());
        // 25 runs on the page, the search's 3 trials folded under it
        assertEquals(25, browser.all("#runs tbody tr").size());
        assertEquals(22, visibleRunNames().size());
        WebElement toggle = browser.waitFor("button.toggle");
        assertEquals("▸ " + UiFixture.CHILDREN, toggle.getText());
        toggle.click();
        browser.wait.until(d -> visibleRunNames().size() == 25);
        List<String> names = visibleRunNames();
        int parent = names.indexOf("search");
        assertEquals(
                List.of("trial-0", "trial-1", "trial-2"),
                names.subList(parent + 1, parent + 4).stream().sorted().toList());
        browser.screenshot("ui-runs");
    }

    @Test
    @Order(3)
    void filtersWithMlflowsGrammarAndShowsErrorsInPlace() {
        browser.get("/experiment?id=" + ui.experimentId);
        waitForFirstRun(UiFixture.HOSTILE);
        search("metrics.rmse <<< 2");
        WebElement error = browser.waitFor("#filter-error:not([hidden])");
        assertTrue(error.getText().startsWith("INVALID_PARAMETER_VALUE"), error.getText());
        // the API's 400 is the one error the browser may log: its network line, nothing from the scripts
        List<String> logged = browser.takeErrors();
        assertEquals(1, logged.size(), logged.toString());
        assertTrue(logged.get(0).contains("runs/table") && logged.get(0).contains("status of 400"), logged.toString());
        // the latest rmse is 1 + seed/10 + 5/12: below 2 for the runs of seeds 0..5
        search("metrics.rmse < 2 and params.lr != '0'");
        browser.wait.until(d -> visibleRunNames().size() == 6);
        assertEquals(
                IntStream.range(0, 6)
                        .mapToObj(i -> String.format("run-%02d", i))
                        .toList(),
                visibleRunNames().stream().sorted().toList());
        assertTrue(browser.driver.findElement(By.id("filter-error")).getAttribute("hidden") != null);
        browser.screenshot("ui-runs-filtered");
        search("");
        waitForFirstRun(UiFixture.HOSTILE);
    }

    @Test
    @Order(4)
    void sortsByAMetricColumnAndPagesWithTheServersTokens() {
        browser.get("/experiment?id=" + ui.experimentId);
        waitForFirstRun(UiFixture.HOSTILE);
        WebElement rmse = browser.waitFor("#runs th[data-column='metric:rmse']");
        rmse.click(); // descending: the search parent (seed 99) has the highest rmse
        waitForFirstRun("search");
        browser.waitFor("#runs th[data-column='metric:rmse']").click(); // ascending
        waitForFirstRun("run-00");
        Set<String> seen = new HashSet<>(names());
        assertTrue(browser.driver.findElement(By.id("prev")).getAttribute("disabled") != null);
        browser.driver.findElement(By.id("next")).click();
        browser.wait.until(
                d -> browser.driver.findElement(By.id("page-label")).getText().startsWith("Page 2"));
        List<String> second = names();
        assertEquals(35 - 25, second.size());
        assertTrue(browser.driver.findElement(By.id("next")).getAttribute("disabled") != null);
        for (String name : second) {
            assertTrue(seen.add(name), name + " shown on both pages");
        }
        assertEquals(35, seen.size());
        browser.driver.findElement(By.id("prev")).click();
        waitForFirstRun("run-00");
    }

    /** Every run name of the page, folded ones included. */
    @SuppressWarnings("unchecked")
    private List<String> names() {
        return (List<String>) browser.script(
                "return [...document.querySelectorAll('#runs tbody tr a.run-name')].map(a => a.textContent)");
    }

    @Test
    @Order(5)
    void aColumnPickedIsShownAndRemembered() {
        browser.get("/experiment?id=" + ui.experimentId);
        waitForFirstRun(UiFixture.HOSTILE);
        browser.driver.findElement(By.cssSelector("#columns summary")).click();
        browser.waitFor("#columns input[data-column='metric:rmse']");
        // the picker searches the server's key lists: typing narrows every group
        browser.driver.findElement(By.id("column-search")).sendKeys("TEA");
        browser.wait.until(
                d -> browser.all("#columns [data-group='Metrics'] input").isEmpty());
        String tags = browser.waitFor("#columns [data-group='Tags'] h4").getAttribute("textContent");
        assertTrue(tags.startsWith("Tags (1)"), tags);
        browser.waitFor("#columns input[data-column='tag:team']").click();
        WebElement header = browser.waitFor("#runs th[data-column='tag:team']");
        assertTrue(header.getText().contains("team"));
        assertEquals(12, browser.all("#runs thead th").size());
        browser.screenshot("ui-columns");
        browser.get("/experiment?id=" + ui.experimentId);
        browser.waitFor("#runs th[data-column='tag:team']");
    }

    @Test
    @Order(6)
    void metricColumnsShowTheLatestMinOrMax() {
        browser.get("/experiment?id=" + ui.experimentId + "&filter=" + "attributes.run_name%20%3D%20'run-00'");
        waitForFirstRun("run-00");
        // rmse of seed 0 is 1 + 5/(step+1): the latest (step 11) is also the min, the max is at step 0
        assertEquals("1.41667", rmseCell());
        new Select(browser.driver.findElement(By.id("metric-values"))).selectByValue("max");
        browser.wait.until(d -> rmseCell().equals("6"));
        assertTrue(browser.waitFor("#runs th[data-column='metric:rmse']")
                .getAttribute("textContent")
                .contains("max"));
        new Select(browser.driver.findElement(By.id("metric-values"))).selectByValue("min");
        browser.wait.until(d -> rmseCell().equals("1.41667"));
    }

    private String rmseCell() {
        return (String) browser.script("const th = document.querySelector(\"#runs th[data-column='metric:rmse']\");"
                + "const i = [...th.parentNode.children].indexOf(th);"
                + "return document.querySelector('#runs tbody tr').children[i].textContent;");
    }

    @Test
    @Order(7)
    void comparesThreeRuns() {
        browser.get("/experiment?id=" + ui.experimentId + "&order=" + "attributes.run_name%20ASC");
        waitForFirstRun(UiFixture.HOSTILE);
        List<WebElement> rows = browser.all("#runs tbody tr");
        for (int i = 1; i <= 3; i++) {
            rows.get(i).findElement(By.cssSelector("input.select")).click();
        }
        WebElement compare = browser.driver.findElement(By.id("compare"));
        assertEquals("Compare (3)", compare.getText());
        compare.click();
        browser.waitFor("#compare-table");
        assertEquals(4, browser.all("#compare-table thead th").size());
        int allRows = browser.all("#compare-table tbody tr").size();
        assertTrue(browser.all("#compare-table tr[data-row='Run:Status']").size() == 1);
        browser.driver.findElement(By.id("diff-only")).click();
        assertTrue(browser.all("#compare-table tr[data-row='Run:Status']").isEmpty(), "all FINISHED: no difference");
        assertTrue(browser.all("#compare-table tbody tr").size() < allRows);
        browser.driver.findElement(By.id("row-filter")).sendKeys("RMSE");
        browser.wait.until(d -> browser.all("#compare-table tbody tr").stream()
                .allMatch(tr -> tr.getAttribute("data-row").contains("rmse")));
        assertEquals(1, browser.all("#compare-table tbody tr").size(), "the rmse row alone");
        assertEquals(3, browser.all("#parallel-svg polyline").size());
        assertEquals(3, browser.all("#scatter-svg circle").size());
        browser.wait.until(
                d -> browser.all("#history-chart .u-legend .u-series").size() == 4); // x + 3 runs
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("ui-compare");
    }

    @Test
    @Order(8)
    void aRunShowsItsDataHistoryAndArtifactsWithPreviews() {
        String runId = ui.runIds.get(7);
        browser.get("/run?id=" + runId);
        assertEquals("run-07", browser.waitFor("#heading").getText());
        browser.waitFor("#params");
        String params = browser.driver.findElement(By.id("params")).getText();
        assertTrue(params.contains("lr") && params.contains("0.08"), params);
        assertTrue(browser.driver.findElement(By.id("metrics")).getText().contains("rmse"));
        browser.waitFor("#metric-chart canvas");
        assertEquals(
                UiFixture.HISTORY + " points",
                browser.driver.findElement(By.id("chart-note")).getText());
        new Select(browser.driver.findElement(By.id("x-axis"))).selectByValue("time");
        browser.waitFor("#metric-chart canvas");
        assertTrue(browser.waitFor("#datasets").getText().contains("green-2023-01"));
        browser.waitFor("#artifact-tree a.file[data-path='metrics.json']").click();
        assertTrue(browser.waitFor("#artifact-preview pre.json").getText().contains("\"rmse\": 1.5"));
        browser.waitFor("#artifact-tree a.dir[data-path='data']").click();
        browser.waitFor("#artifact-tree a.file[data-path='data/predictions.csv']")
                .click();
        assertEquals(
                "fare",
                browser.waitFor("#artifact-preview table.csv th:nth-child(2)").getText());
        browser.waitFor("#artifact-tree a.dir[data-path='plots']").click();
        browser.waitFor("#artifact-tree a.file[data-path='plots/residuals.png']")
                .click();
        WebElement img = browser.waitFor("#artifact-preview img");
        browser.wait.until(d -> ((Number) browser.script("return arguments[0].naturalWidth", img)).intValue() == 120);
        browser.waitFor("#artifact-tree a.dir[data-path='report']").click();
        browser.waitFor("#artifact-tree a.file[data-path='" + UiFixture.REPORT + "']")
                .click();
        WebElement frame = browser.waitFor("#report-frame");
        assertEquals("", frame.getAttribute("sandbox"));
        browser.driver.switchTo().frame(frame);
        assertEquals(UiFixture.REPORT_TEXT, browser.waitFor("h1").getText());
        browser.driver.switchTo().defaultContent();
        browser.script("document.getElementById('artifact-preview').scrollIntoView()");
        browser.screenshot("ui-run-report");
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("ui-run");
    }

    @Test
    @Order(9)
    void aHostileRunNameIsTextEverywhere() {
        browser.get("/run?id=" + ui.hostileId);
        assertEquals(UiFixture.HOSTILE, browser.waitFor("#heading").getText());
        browser.waitFor("#tags");
        assertTrue(browser.driver.findElement(By.id("tags")).getText().contains(UiFixture.HOSTILE));
        assertTrue(browser.driver.findElement(By.id("params")).getText().contains(UiFixture.HOSTILE));
        assertThrowsNoAlert();
        assertEquals(0L, browser.script("return document.querySelectorAll('main script').length"));
    }

    @Test
    @Order(10)
    void theRegistryListsVersionsStagesAndAliasesLinkedToTheirRuns() {
        browser.get("/registry");
        WebElement model = browser.waitFor("section.model[data-model='" + UiFixture.MODEL + "']");
        String text = model.getText();
        assertTrue(text.contains("@champion → v1"), text);
        assertTrue(text.contains("Production"), text);
        assertTrue(text.contains("Fare model"), text);
        assertEquals("run-07", model.findElement(By.cssSelector("a.source-run")).getText());
        browser.screenshot("ui-registry");
        model.findElement(By.cssSelector("a.source-run")).click();
        assertEquals("run-07", browser.waitFor("#heading").getText());
    }

    @Test
    @Order(11)
    void aSearchParentLinksToItsStudyPageWithHistoryIntermediateValuesAndImportance() {
        String experiment =
                ui.store.getExperimentByName(UiFixture.TUNING).orElseThrow().experimentId();
        browser.get("/experiment?id=" + experiment);
        browser.waitFor("#runs tr[data-run-id='" + ui.studyId + "'] a.search-link")
                .click();
        assertEquals("Search random-search", browser.waitFor("#heading").getText());
        browser.waitFor("#history-chart canvas");
        browser.waitFor("#intermediate-chart canvas");
        List<WebElement> rows = browser.all("#trials tbody tr");
        assertEquals(UiFixture.STUDY_TRIALS, rows.size());
        long pruned = browser.all("#trials .state-PRUNED").size();
        assertTrue(pruned > 0, "the fixture's median pruner stopped some trials");
        assertEquals(
                UiFixture.STUDY_TRIALS + " trials reported intermediate values; " + pruned
                        + " of them were pruned (dashed).",
                browser.driver.findElement(By.id("intermediate-note")).getText());
        // optimisation history: x, score, pruned, best so far
        assertEquals(4, browser.all("#history-chart .u-legend .u-series").size());
        List<WebElement> importance = browser.all("#importance tbody tr");
        assertEquals(3, importance.size());
        assertTrue(
                importance.get(0).getText().startsWith("lr"), importance.get(0).getText());
        assertEquals(3, browser.all("#importance meter").size());
        assertTrue(
                browser.driver.findElement(By.id("importance-method")).getText().contains("η²"));
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("ui-study");
        // the run page of the search parent links here too
        browser.get("/run?id=" + ui.studyId);
        browser.waitFor("#search-link").click();
        assertEquals("Search random-search", browser.waitFor("#heading").getText());
        browser.waitFor("#importance");
    }

    private void assertThrowsNoAlert() {
        try {
            browser.driver.switchTo().alert();
            assertFalse(true, "a user string ran as a script");
        } catch (NoAlertPresentException expected) {
            // the name was shown as text
        }
    }
}
