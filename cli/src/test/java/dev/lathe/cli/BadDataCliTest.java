package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.tlc.TlcRecipes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad data through {@code train}, {@code demo} and {@code search}: every case exits with code 2 and a
 * message naming the file, column, row (or line) and value, or is removed by a documented filter and
 * counted in the prep report; either way the store holds no new run, FAILED or otherwise.
 */
class BadDataCliTest {
    private static final String HEADER =
            "VendorID,lpep_pickup_datetime,lpep_dropoff_datetime,PULocationID,DOLocationID,fare_amount,trip_distance\n";
    private static final int ROWS = 120;
    /** The row (0-based data row) that gets the bad value. */
    private static final int BAD_ROW = 4;

    @TempDir
    Path tmp;

    private Path store;
    private Path good;

    @BeforeEach
    void oneGoodRun() throws IOException {
        store = tmp.resolve("store");
        good = trips("good.csv", null);
        CliRun run = CliRun.of(
                "train",
                "--trainer",
                "ols",
                "--train",
                good.toString(),
                "--valid",
                good.toString(),
                "--store",
                store.toString());
        assertEquals(0, run.code(), run.toString());
        assertEquals(1, runCount());
    }

    /** A small green-taxi CSV whose durations follow distance; row {@link #BAD_ROW}'s distance is {@code bad}. */
    private Path trips(String name, String bad) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder b = new StringBuilder(HEADER);
        for (int i = 0; i < ROWS; i++) {
            double miles = 0.5 + random.nextDouble() * 9;
            int start = i * 60;
            int end = start + (int) ((2 + 3 * miles + random.nextDouble()) * 60);
            String distance = i == BAD_ROW && bad != null ? bad : String.format(Locale.ROOT, "%.2f", miles);
            b.append(String.format(
                    Locale.ROOT,
                    "2,%s,%s,%d,%d,%.2f,%s%n",
                    time(start),
                    time(end),
                    100 + i % 7,
                    140 + i % 5,
                    3 + 2.5 * miles,
                    distance));
        }
        return Files.writeString(tmp.resolve(name), b.toString());
    }

    private static String time(int seconds) {
        return String.format(Locale.ROOT, "2023-01-01 %02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private int runCount() {
        CliRun list = CliRun.of("runs", "list", "--store", store.toString());
        assertEquals(0, list.code(), list.toString());
        String last = list.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.endsWith("run(s)"), list.toString());
        return Integer.parseInt(last.split(" ")[0]);
    }

    /** A recipe of the user's own (no filters): fare from pickup zone and distance. */
    private static final List<String> FARE_RECIPE =
            List.of("--target", "fare_amount", "--categorical", "PULocationID", "--numerical", "trip_distance");

    private List<String> everyCommand(Path train, List<String> recipe) {
        List<String> commands = new ArrayList<>();
        commands.add(String.join("\u0000", "train", "--trainer", "ols"));
        commands.add("demo");
        commands.add(String.join("\u0000", "search", "--trainer", "ridge", "--trials", "2", "--seed", "1"));
        return commands.stream()
                .map(c -> c + "\u0000"
                        + String.join(
                                "\u0000",
                                "--train",
                                train.toString(),
                                "--valid",
                                good.toString(),
                                "--store",
                                store.toString())
                        + recipe.stream().map(o -> "\u0000" + o).reduce("", String::concat))
                .toList();
    }

    /** Runs train, demo and search on {@code train}; each fails with exit 2 naming every part; no run is added. */
    private void rejectedEverywhere(Path train, String... inMessage) {
        rejectedEverywhere(train, List.of(), inMessage);
    }

    private void rejectedEverywhere(Path train, List<String> recipe, String... inMessage) {
        for (String command : everyCommand(train, recipe)) {
            CliRun run = CliRun.of(command.split("\u0000"));
            assertEquals(2, run.code(), command + "\n" + run);
            assertTrue(run.err().contains("lathe: error [BAD_REQUEST]: "), run.toString());
            for (String part : inMessage) {
                assertTrue(run.err().contains(part), "expected '" + part + "' in\n" + run);
            }
            assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
            assertEquals(1, runCount(), "no new run after " + command + "\n" + run);
        }
    }

    @Test
    void nonFiniteOrFloatOverflowingFeaturesOfAnUnfilteredRecipeNameFileColumnRowAndValue() throws IOException {
        for (String bad : new String[] {"Infinity", "-Infinity", "1e400", "1e308", "-4e38"}) {
            Path f = trips("inf.csv", bad);
            String value = String.valueOf(Double.parseDouble(bad));
            rejectedEverywhere(
                    f, FARE_RECIPE, f.toString(), "'trip_distance'", "data row " + (BAD_ROW + 1), "value " + value);
        }
    }

    @Test
    void impossibleDistancesAreFilteredAndCountedByTheCourseRecipe() throws IOException {
        for (String bad : new String[] {"-3", "1e308", "-1e308", "2e6", "Infinity", "-Infinity", "1e400"}) {
            Path f = trips("far.csv", bad);
            CliRun run = CliRun.of(
                    "demo", "--train", f.toString(), "--valid", good.toString(), "--json", "--store", store.toString());
            assertEquals(0, run.code(), bad + "\n" + run);
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertTrue(json.has("removed_train"), run.toString());
            assertEquals(
                    1,
                    json.get("removed_train")
                            .get(TlcRecipes.distanceFilterLabel())
                            .asLong(),
                    run.out());
            assertEquals(ROWS - 1, json.get("rows_train").asLong(), run.out());
            assertTrue(json.get("rmse_valid").asDouble() < 1.0, "a useful model: " + run.out());
        }
    }

    @Test
    void nanDistanceIsMissingAndCountedUnderItsFilter() throws IOException {
        Path f = trips("nan.csv", "NaN");
        CliRun run = CliRun.of(
                "demo", "--train", f.toString(), "--valid", good.toString(), "--json", "--store", store.toString());
        assertEquals(0, run.code(), run.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertTrue(json.has("removed_train"), run.toString());
        assertEquals(1, json.get("removed_train").get("missing trip_distance").asLong(), run.out());
    }

    @Test
    void narrowHeaderNonUtf8OneRowAndNonParquetFilesAreRejectedBeforeAnyRun() throws IOException {
        Path narrow = Files.writeString(
                tmp.resolve("narrow.csv"), Files.readString(good).replaceFirst(",trip_distance\n", "\n"));
        rejectedEverywhere(narrow, narrow.toString(), "line 2", "7 fields, the header has 6");
        Path wide = Files.writeString(
                tmp.resolve("wide.csv"),
                Files.readString(good).replaceFirst(",trip_distance\n", ",trip_distance,extra,more\n"));
        rejectedEverywhere(wide, wide.toString(), "line 2", "7 fields, the header has 9");
        String text = Files.readString(good);
        Path latin1 = Files.write(
                tmp.resolve("latin1.csv"),
                (text.substring(0, text.indexOf('\n') + 1)
                                + "2,2023-01-01 00:00:00,2023-01-01 00:10:00,1,2,5.0,1.5\u00e9\n"
                                + text.substring(text.indexOf('\n') + 1))
                        .getBytes(StandardCharsets.ISO_8859_1));
        rejectedEverywhere(latin1, latin1.toString(), "line 2", "'trip_distance'", "0xE9", "UTF-8");
        Path one =
                Files.writeString(tmp.resolve("one.csv"), text.substring(0, text.indexOf('\n', HEADER.length()) + 1));
        rejectedEverywhere(one, one.toString(), "only 1 row(s) left for training");
        Path empty = Files.write(tmp.resolve("empty.parquet"), new byte[0]);
        rejectedEverywhere(empty, empty + " is not a Parquet file");
    }
}
