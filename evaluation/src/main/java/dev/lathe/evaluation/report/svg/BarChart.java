package dev.lathe.evaluation.report.svg;

import dev.lathe.core.LatheException;
import java.util.List;
import java.util.Locale;

/**
 * Horizontal bars with a label per bar, largest first as given, for feature importances. Long labels
 * are shortened on screen and kept whole in a tooltip; every label is escaped.
 */
public final class BarChart {
    private static final int LABEL_WIDTH = 190;
    private static final int MAX_ROW = 22;
    private static final int MIN_ROW = 14;
    private static final int TOP = 46;
    private static final int BOTTOM = 48;
    private static final int LABEL_CHARS = 28;

    private BarChart() {}

    public static String render(String title, String valueLabel, List<String> labels, double[] values) {
        LatheException.check(
                labels.size() == values.length && values.length > 0,
                "bar chart needs one value per label, got %d labels and %d values",
                labels.size(),
                values.length);
        double max = 0;
        double min = 0;
        for (double v : values) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        NiceScale xs = new NiceScale(min, max, 6);
        int width = Frame.WIDTH;
        int row = Math.max(MIN_ROW, Math.min(MAX_ROW, (Frame.HEIGHT - TOP - BOTTOM) / values.length));
        int height = Math.max(Frame.HEIGHT, TOP + BOTTOM + row * values.length);
        double left = LABEL_WIDTH;
        double right = width - 24;
        double bottom = TOP + row * values.length;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart bar\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(Markup.escape(title))
                .append("\"><title>")
                .append(Markup.escape(title))
                .append("</title>");
        sb.append("<rect x=\"0\" y=\"0\" width=\"" + width + "\" height=\"" + height + "\" fill=\"#ffffff\"/>");
        sb.append(Frame.text(width / 2.0, 24, title, "middle", "chart-title", 15, "600"));
        for (double t : xs.ticks()) {
            double x = scale(t, xs, left, right);
            sb.append(Frame.line(x, TOP, x, bottom, Palette.GRID, ""));
            sb.append(Frame.text(x, bottom + 18, xs.label(t), "middle", "tick", 11, "400"));
        }
        double zero = scale(0, xs, left, right);
        for (int i = 0; i < values.length; i++) {
            double y = TOP + i * row;
            double x = scale(values[i], xs, left, right);
            String full = labels.get(i);
            sb.append("<g class=\"bar-row\"><title>")
                    .append(Markup.escape(full + ": " + Markup.number(values[i])))
                    .append("</title>");
            sb.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"2\" fill=\"%s\"/>",
                    Markup.coord(Math.min(x, zero)),
                    Markup.coord(y + 3),
                    Markup.coord(Math.max(1, Math.abs(x - zero))),
                    Markup.coord(row - 6),
                    Palette.BLUE));
            sb.append(Frame.text(
                    left - 8, y + row / 2.0 + 4, Markup.truncate(full, LABEL_CHARS), "end", "bar-label", 11, "400"));
            boolean inside = Math.abs(x - zero) > 0.8 * (right - left);
            sb.append(Frame.text(
                    values[i] >= 0 ? (inside ? x - 4 : x + 4) : (inside ? x + 4 : x - 4),
                    y + row / 2.0 + 4,
                    Markup.compact(values[i]),
                    (values[i] >= 0) == inside ? "end" : "start",
                    inside ? "bar-value inside" : "bar-value",
                    10,
                    "400"));
            sb.append("</g>");
        }
        sb.append(Frame.line(zero, TOP, zero, bottom, Palette.AXIS, ""));
        sb.append(Frame.line(left, bottom, right, bottom, Palette.AXIS, ""));
        sb.append(Frame.text((left + right) / 2, height - 10, valueLabel, "middle", "axis-label", 12, "500"));
        return sb.append("</svg>").toString();
    }

    private static double scale(double v, NiceScale s, double left, double right) {
        return left + (v - s.min()) / (s.max() - s.min()) * (right - left);
    }
}
