package dev.lathe.evaluation.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every drift statistic against scipy on the fixtures {@code scripts/drift-fixtures.py} wrote (seeded
 * samples and scipy's values for them): values within 1e-9, p-values within 1e-6 relative (KS on both
 * sides of scipy's exact limit of 10,000 rows, and scipy's {@code kstwo.sf} on every branch), and the same
 * per-column tests and drift decisions as Evidently's defaults.
 */
class EvidentlyFixturesTest {
    private static JsonNode fixtures;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = EvidentlyFixturesTest.class.getResourceAsStream("/drift/evidently-fixtures.json")) {
            fixtures = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void ksStatisticAndPValueMatchScipyKs2samp() {
        assertTrue(fixtures.get("ks").size() >= 8);
        for (JsonNode c : fixtures.get("ks")) {
            double[] ref = sorted(numbers(c.get("reference")));
            double[] cur = sorted(numbers(c.get("current")));
            KolmogorovSmirnov.Result r = KolmogorovSmirnov.twoSided(ref, cur);
            String at = ref.length + " x " + cur.length;
            assertEquals(c.get("statistic").asDouble(), r.statistic(), 1e-9, "D " + at);
            assertPValue(r.pValue(), c.get("pvalue").asDouble(), "KS " + at);
        }
    }

    @Test
    void ksAboveTheExactLimitMatchesScipysAsymptoticBranch() {
        JsonNode cases = fixtures.get("ks_large");
        assertTrue(cases.size() >= 10);
        boolean tiny = false;
        boolean asymptotic = false;
        for (JsonNode c : cases) {
            double[] ref = expand(c.get("reference_values"), c.get("reference_counts"));
            double[] cur = expand(c.get("current_values"), c.get("current_counts"));
            KolmogorovSmirnov.Result r = KolmogorovSmirnov.twoSided(ref, cur);
            String at = ref.length + " x " + cur.length;
            assertEquals(c.get("statistic").asDouble(), r.statistic(), 1e-9, "D " + at);
            assertPValue(r.pValue(), c.get("pvalue").asDouble(), "KS " + at);
            assertEquals(c.get("pvalue").asDouble() < 0.05, r.pValue() < 0.05, "decision " + at);
            tiny |= r.pValue() > 0 && r.pValue() < 1e-20;
            asymptotic |= Math.max(ref.length, cur.length) > KolmogorovSmirnov.SCIPY_MAX_EXACT_N;
        }
        assertTrue(tiny && asymptotic, "the fixtures reach the asymptotic branch and tiny p-values");
    }

    @Test
    void kolmogorovSurvivalMatchesScipysKstwoOnEveryBranch() {
        JsonNode cases = fixtures.get("kstwo");
        assertTrue(cases.size() >= 300);
        for (JsonNode c : cases) {
            int n = c.get("n").asInt();
            double d = c.get("d").asDouble();
            assertPValue(
                    KolmogorovDistribution.survival(n, d), c.get("sf").asDouble(), "kstwo.sf(" + d + ", " + n + ")");
        }
    }

    private static double[] expand(JsonNode values, JsonNode counts) {
        int total = 0;
        for (JsonNode k : counts) {
            total += k.asInt();
        }
        double[] out = new double[total];
        int at = 0;
        for (int i = 0; i < values.size(); i++) {
            java.util.Arrays.fill(
                    out, at, at + counts.get(i).asInt(), values.get(i).asDouble());
            at += counts.get(i).asInt();
        }
        return out;
    }

    @Test
    void categoricalTestsMatchScipy() {
        for (JsonNode c : fixtures.get("categorical")) {
            String[] ref = strings(c.get("reference"));
            String[] cur = strings(c.get("current"));
            long[][] counts = DriftBins.CategoryCounts.of(ref, cur);
            String at = ref.length + " x " + cur.length;
            assertPValue(
                    ChiSquared.test(counts[0], counts[1]).pValue(),
                    c.get("chisquare").asDouble(),
                    "chi " + at);
            if (counts[0].length == 2) {
                long refHits = ref.length - counts[0][0];
                long curHits = cur.length - counts[1][0];
                assertPValue(
                        ProportionsZTest.test(refHits, ref.length, curHits, cur.length)
                                .pValue(),
                        c.get("z").asDouble(),
                        "z " + at);
            }
            DriftBins.Shares js = DriftBins.categorical(ref, cur, false);
            assertEquals(
                    c.get("jensenshannon").asDouble(),
                    JensenShannonDistance.of(js.reference(), js.current()),
                    1e-9,
                    "JS " + at);
            DriftBins.Shares psi = DriftBins.categorical(ref, cur, true);
            assertEquals(
                    c.get("psi").asDouble(),
                    PopulationStabilityIndex.ofShares(psi.reference(), psi.current()),
                    1e-9,
                    "PSI " + at);
        }
    }

    @Test
    void numericDistancesMatchScipy() {
        for (JsonNode c : fixtures.get("numeric")) {
            double[] ref = sorted(numbers(c.get("reference")));
            double[] cur = sorted(numbers(c.get("current")));
            String at = ref.length + " x " + cur.length;
            assertEquals(c.get("wasserstein").asDouble(), WassersteinDistance.ofSorted(ref, cur), 1e-9, "W " + at);
            assertEquals(
                    c.get("wasserstein_normed").asDouble(),
                    WassersteinDistance.normedSorted(ref, cur),
                    1e-9,
                    "W normed " + at);
            DriftBins.Shares js = DriftBins.numeric(ref, cur, false);
            assertEquals(
                    c.get("jensenshannon").asDouble(),
                    JensenShannonDistance.of(js.reference(), js.current()),
                    1e-9,
                    "JS " + at);
            DriftBins.Shares psi = DriftBins.numeric(ref, cur, true);
            assertEquals(
                    c.get("psi").asDouble(),
                    PopulationStabilityIndex.ofShares(psi.reference(), psi.current()),
                    1e-9,
                    "PSI " + at);
        }
    }

    @Test
    void datasetsGetEvidentlysTestsScoresAndDecisions() {
        for (JsonNode d : fixtures.get("datasets")) {
            DriftSamples samples = samples(d);
            DataDrift drift = DataDriftDetector.evidentlyDefaults().compare(samples);
            DataDrift psi = new DataDriftDetector(Optional.of(StatTest.PSI), 0.5).compare(samples);
            for (JsonNode c : d.get("columns")) {
                String name = c.get("name").asText();
                ColumnDrift got = find(drift, name);
                assertEquals(c.get("test").asText(), got.test().id(), name);
                double want = c.get("score").asDouble();
                if (got.test().isPValue()) {
                    assertPValue(got.score(), want, name);
                } else {
                    assertEquals(want, got.score(), 1e-9, name);
                }
                assertEquals(c.get("drifted").asBoolean(), got.drifted(), name);
                ColumnDrift byPsi = find(psi, name);
                assertEquals(c.get("psi").asDouble(), byPsi.score(), 1e-9, name + " psi");
                assertEquals(c.get("psi_drifted").asBoolean(), byPsi.drifted(), name + " psi");
            }
            assertEquals(d.get("share").asDouble(), drift.share(), 1e-12);
            assertEquals(d.get("dataset_drift").asBoolean(), drift.datasetDrift());
        }
    }

    @Test
    void theFixturesCoverEveryDefaultTestAndBothDecisions() {
        java.util.Set<String> tests = new java.util.HashSet<>();
        java.util.Set<Boolean> decisions = new java.util.HashSet<>();
        for (JsonNode d : fixtures.get("datasets")) {
            for (JsonNode c : d.get("columns")) {
                tests.add(c.get("test").asText());
                decisions.add(c.get("drifted").asBoolean());
            }
        }
        assertEquals(java.util.Set.of("ks", "chisquare", "z", "wasserstein", "jensenshannon"), tests);
        assertEquals(java.util.Set.of(true, false), decisions);
    }

    private static ColumnDrift find(DataDrift drift, String name) {
        return drift.columns().stream()
                .filter(c -> c.column().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static DriftSamples samples(JsonNode dataset) {
        DriftSamples.Builder b = DriftSamples.builder();
        for (JsonNode c : dataset.get("columns")) {
            if (c.get("numeric").asBoolean()) {
                b.numeric(c.get("name").asText(), numbers(c.get("reference")), numbers(c.get("current")));
            } else {
                b.categorical(c.get("name").asText(), strings(c.get("reference")), strings(c.get("current")));
            }
        }
        return b.build();
    }

    private static void assertPValue(double got, double want, String what) {
        if (want < Double.MIN_NORMAL) {
            // zero or subnormal (fewer than 16 digits left; scipy's double-double underflows to 0 a little
            // earlier): both below the smallest normal double
            assertTrue(got >= 0 && got < Double.MIN_NORMAL, what + ": got " + got + ", scipy " + want);
        } else {
            assertTrue(Math.abs(got - want) / want < 1e-6, what + ": got " + got + ", scipy " + want);
        }
    }

    private static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static String[] strings(JsonNode array) {
        String[] out = new String[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asText();
        }
        return out;
    }

    private static double[] sorted(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s;
    }
}
