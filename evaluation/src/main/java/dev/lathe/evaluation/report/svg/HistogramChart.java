package dev.lathe.evaluation.report.svg;

import dev.lathe.core.LatheException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Overlaid histograms over shared bin edges: each series is drawn as translucent bars with a
 * step outline, so two distributions (for example actual and predicted duration) can be compared.
 */
public final class HistogramChart {
    private HistogramChart() {}

    /**
     * @param edges bin edges, ascending, one more than each series' counts
     * @param names one name per series (legend)
     * @param counts one count array per series
     * @param rule an x value to mark with a dashed vertical line, or NaN for none
     */
    public static String render(
            String title,
            String xLabel,
            String yLabel,
            double[] edges,
            List<String> names,
            List<long[]> counts,
            double rule) {
        LatheException.check(names.size() == counts.size(), "histogram needs one name per series");
        long max = 1;
        for (long[] c : counts) {
            LatheException.check(
                    c.length == edges.length - 1,
                    "histogram series has %d counts for %d bins",
                    c.length,
                    edges.length - 1);
            for (long v : c) {
                max = Math.max(max, v);
            }
        }
        Frame f = new Frame(title, xLabel, yLabel, edges[0], edges[edges.length - 1], 0, max * 1.05);
        List<Legend> legend = new ArrayList<>();
        for (int s = 0; s < counts.size(); s++) {
            String color = Palette.series(s);
            long[] c = counts.get(s);
            StringBuilder bars = new StringBuilder("<g class=\"hist-series\">");
            StringBuilder outline = new StringBuilder();
            double y0 = f.y(0);
            outline.append("M").append(Markup.coord(f.x(edges[0]))).append(' ').append(Markup.coord(y0));
            for (int i = 0; i < c.length; i++) {
                double x1 = f.x(edges[i]);
                double x2 = f.x(edges[i + 1]);
                double yt = f.y(c[i]);
                if (c[i] > 0) {
                    bars.append(String.format(
                            Locale.ROOT,
                            "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\" fill-opacity=\"0.35\"/>",
                            Markup.coord(x1),
                            Markup.coord(yt),
                            Markup.coord(Math.max(0.5, x2 - x1)),
                            Markup.coord(y0 - yt),
                            color));
                }
                outline.append(" L").append(Markup.coord(x1)).append(' ').append(Markup.coord(yt));
                outline.append(" L").append(Markup.coord(x2)).append(' ').append(Markup.coord(yt));
            }
            outline.append(" L")
                    .append(Markup.coord(f.x(edges[edges.length - 1])))
                    .append(' ')
                    .append(Markup.coord(y0));
            bars.append("<path d=\"")
                    .append(outline)
                    .append("\" fill=\"none\" stroke=\"")
                    .append(color)
                    .append("\" stroke-width=\"1.5\"/></g>");
            f.add(bars.toString());
            legend.add(Legend.box(names.get(s), color));
        }
        if (!Double.isNaN(rule)) {
            f.verticalRule(rule, Palette.AXIS);
        }
        return f.render("chart histogram", names.size() > 1 ? legend : List.of());
    }
}
