package dev.lathe.evaluation.report.svg;

import dev.lathe.core.LatheException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Several x/y series on shared axes, each as a line, a step function or dots; used for per-round
 * learning curves and for search-trial history with its running best.
 */
public final class LineChart {
    private LineChart() {}

    /** Draws the series in order; {@code rule} is an x value for a dashed vertical line, or NaN for none. */
    public static String render(String title, String xLabel, String yLabel, List<Series> series, double rule) {
        LatheException.check(!series.isEmpty(), "a line chart needs at least one series");
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            double[] xr = Ranges.of(s.x());
            double[] yr = Ranges.of(s.y());
            xMin = Math.min(xMin, xr[0]);
            xMax = Math.max(xMax, xr[1]);
            yMin = Math.min(yMin, yr[0]);
            yMax = Math.max(yMax, yr[1]);
        }
        double pad = (yMax - yMin) * 0.05;
        Frame f = new Frame(title, xLabel, yLabel, xMin, xMax, yMin - pad, yMax + pad);
        List<Legend> legend = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String color = Palette.series(i);
            f.add(draw(f, s, color));
            legend.add(s.style() == SeriesStyle.POINTS ? Legend.box(s.name(), color) : Legend.line(s.name(), color));
        }
        if (!Double.isNaN(rule)) {
            f.verticalRule(rule, Palette.MUTED);
        }
        return f.render("chart line", legend);
    }

    private static String draw(Frame f, Series s, String color) {
        double[] x = s.x();
        double[] y = s.y();
        if (s.style() == SeriesStyle.POINTS) {
            StringBuilder sb =
                    new StringBuilder("<g class=\"series-points\" fill=\"" + color + "\" fill-opacity=\"0.75\">");
            for (int i = 0; i < x.length; i++) {
                sb.append(String.format(
                        Locale.ROOT,
                        "<circle cx=\"%s\" cy=\"%s\" r=\"3\"/>",
                        Markup.coord(f.x(x[i])),
                        Markup.coord(f.y(y[i]))));
            }
            return sb.append("</g>").toString();
        }
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            if (i == 0) {
                d.append('M');
            } else if (s.style() == SeriesStyle.STEP) {
                d.append(" L").append(Markup.coord(f.x(x[i]))).append(' ').append(Markup.coord(f.y(y[i - 1])));
                d.append(" L");
            } else {
                d.append(" L");
            }
            d.append(Markup.coord(f.x(x[i]))).append(' ').append(Markup.coord(f.y(y[i])));
        }
        return "<path class=\"series-line\" d=\"" + d + "\" fill=\"none\" stroke=\"" + color
                + "\" stroke-width=\"2\" stroke-linejoin=\"round\"/>";
    }
}
