package dev.lathe.evaluation.report;

import dev.lathe.evaluation.report.svg.BarChart;
import dev.lathe.evaluation.report.svg.HistogramChart;
import dev.lathe.evaluation.report.svg.LineChart;
import dev.lathe.evaluation.report.svg.ScatterChart;
import dev.lathe.evaluation.report.svg.Series;
import dev.lathe.evaluation.report.svg.SeriesStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The inline SVG plots of a report, by a stable id, in display order (absent sections have no plot). */
public final class ReportPlots {
    public static final String DISTRIBUTIONS = "distributions";
    public static final String RESIDUAL_HISTOGRAM = "residual-histogram";
    public static final String RESIDUALS_VS_PREDICTION = "residuals-vs-prediction";
    public static final String FEATURE_IMPORTANCES = "feature-importances";
    public static final String LEARNING_CURVE = "learning-curve";
    public static final String SEARCH_HISTORY = "search-history";

    private ReportPlots() {}

    /** Every plot of {@code r} as an {@code <svg>} string keyed by plot id. */
    public static Map<String, String> render(EvaluationReport r) {
        Map<String, String> plots = new LinkedHashMap<>();
        String target = r.targetLabel();
        plots.put(
                DISTRIBUTIONS,
                HistogramChart.render(
                        "Actual vs predicted distribution",
                        target,
                        "rows",
                        r.actual().edges(),
                        List.of("actual", "predicted"),
                        List.of(r.actual().counts(), r.predicted().counts()),
                        Double.NaN));
        plots.put(
                RESIDUAL_HISTOGRAM,
                HistogramChart.render(
                        "Residuals (actual \u2212 predicted)",
                        "residual: " + target,
                        "rows",
                        r.residuals().edges(),
                        List.of("residual"),
                        List.of(r.residuals().counts()),
                        0.0));
        ScatterSample s = r.residualSample();
        plots.put(
                RESIDUALS_VS_PREDICTION,
                ScatterChart.render(
                        String.format(
                                Locale.ROOT, "Residuals vs prediction (%d of %d rows)", s.x().length, s.population()),
                        "predicted " + target,
                        "residual (actual \u2212 predicted)",
                        s.x(),
                        s.y(),
                        0.0));
        if (!r.importances().isEmpty()) {
            List<String> names =
                    r.importances().stream().map(FeatureImportance::feature).toList();
            double[] values = r.importances().stream()
                    .mapToDouble(FeatureImportance::importance)
                    .toArray();
            plots.put(
                    FEATURE_IMPORTANCES,
                    BarChart.render("Top " + names.size() + " feature importances", "importance", names, values));
        }
        r.learningCurve().ifPresent(c -> plots.put(LEARNING_CURVE, learningCurve(c)));
        r.searchHistory().ifPresent(h -> plots.put(SEARCH_HISTORY, searchHistory(h)));
        return plots;
    }

    private static String learningCurve(LearningCurve c) {
        List<Series> series = new ArrayList<>();
        for (String name : c.names()) {
            double[] y = c.values(name);
            series.add(new Series(name, rounds(y.length), y, SeriesStyle.LINE));
        }
        String title = "Learning curve: " + c.metric() + " by round"
                + (c.bestRound() >= 0 ? " (best round " + c.bestRound() + ")" : "");
        return LineChart.render(
                title, "boosting round", c.metric(), series, c.bestRound() >= 0 ? c.bestRound() : Double.NaN);
    }

    private static String searchHistory(SearchHistory h) {
        double[] trials = rounds(h.scores().length);
        List<Series> series = List.of(
                new Series("trial " + h.metric(), trials, h.scores(), SeriesStyle.POINTS),
                new Series("best so far", trials, h.runningBest(), SeriesStyle.STEP));
        return LineChart.render(
                "Search history: " + h.metric() + " by trial (best trial " + h.bestTrial() + ")",
                "trial",
                h.metric(),
                series,
                Double.NaN);
    }

    private static double[] rounds(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }
}
