package dev.lathe.evaluation.report.svg;

import dev.lathe.core.LatheException;
import java.util.List;
import java.util.Locale;

/** A scatter plot of translucent dots, with an optional dashed horizontal reference line. */
public final class ScatterChart {
    private ScatterChart() {}

    /** Plots (x[i], y[i]); {@code rule} is a y value for a dashed line, or NaN for none. */
    public static String render(String title, String xLabel, String yLabel, double[] x, double[] y, double rule) {
        LatheException.check(x.length == y.length && x.length > 0, "scatter needs equal non-zero x/y lengths");
        double[] xr = Ranges.of(x);
        double[] yr = Ranges.of(y);
        if (!Double.isNaN(rule)) {
            yr[0] = Math.min(yr[0], rule);
            yr[1] = Math.max(yr[1], rule);
        }
        Frame f = new Frame(title, xLabel, yLabel, xr[0], xr[1], yr[0], yr[1]);
        StringBuilder dots =
                new StringBuilder("<g class=\"scatter-points\" fill=\"" + Palette.BLUE + "\" fill-opacity=\"0.35\">");
        for (int i = 0; i < x.length; i++) {
            dots.append(String.format(
                    Locale.ROOT,
                    "<circle cx=\"%s\" cy=\"%s\" r=\"2.2\"/>",
                    Markup.coord(f.x(x[i])),
                    Markup.coord(f.y(y[i]))));
        }
        f.add(dots.append("</g>").toString());
        if (!Double.isNaN(rule)) {
            f.horizontalRule(rule, Palette.VERMILION);
        }
        return f.render("chart scatter", List.of());
    }
}
