package dev.lathe.evaluation.report.svg;

import java.util.List;

/**
 * The common frame of an x/y chart: an SVG canvas with a title, a plot area, nice-number axes with
 * ticks, tick labels and grid lines, axis titles and an optional legend. Chart classes map data with
 * {@link #x(double)}/{@link #y(double)} and append their marks with {@link #add(String)}. All text is
 * escaped.
 */
public final class Frame {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 360;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 46;
    private static final int BOTTOM = 52;
    private static final int TICKS = 6;

    private final NiceScale xs;
    private final NiceScale ys;
    private final StringBuilder body = new StringBuilder();
    private final String title;
    private final String xLabel;
    private final String yLabel;

    /** A frame over the data ranges [xMin, xMax] x [yMin, yMax] (widened to nice numbers). */
    public Frame(String title, String xLabel, String yLabel, double xMin, double xMax, double yMin, double yMax) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.xs = new NiceScale(xMin, xMax, TICKS + 2);
        this.ys = new NiceScale(yMin, yMax, TICKS);
    }

    public double x(double v) {
        return LEFT + (v - xs.min()) / (xs.max() - xs.min()) * plotWidth();
    }

    public double y(double v) {
        return TOP + plotHeight() - (v - ys.min()) / (ys.max() - ys.min()) * plotHeight();
    }

    public double plotLeft() {
        return LEFT;
    }

    public double plotRight() {
        return WIDTH - RIGHT;
    }

    public double plotTop() {
        return TOP;
    }

    public double plotBottom() {
        return TOP + plotHeight();
    }

    public NiceScale xScale() {
        return xs;
    }

    public NiceScale yScale() {
        return ys;
    }

    /** Appends raw SVG marks (the caller escapes any text it includes). */
    public Frame add(String svg) {
        body.append(svg);
        return this;
    }

    /** A dashed reference line across the plot at data value {@code value} of y (horizontal). */
    public Frame horizontalRule(double value, String color) {
        if (value >= ys.min() && value <= ys.max()) {
            body.append(line(plotLeft(), y(value), plotRight(), y(value), color, "stroke-dasharray=\"5 4\""));
        }
        return this;
    }

    /** A dashed reference line across the plot at data value {@code value} of x (vertical). */
    public Frame verticalRule(double value, String color) {
        if (value >= xs.min() && value <= xs.max()) {
            body.append(line(x(value), plotTop(), x(value), plotBottom(), color, "stroke-dasharray=\"5 4\""));
        }
        return this;
    }

    /** The complete {@code <svg>} element with axes drawn under the marks and the legend on top. */
    public String render(String cssClass, List<Legend> legend) {
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"")
                .append(Markup.escape(cssClass))
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(Markup.escape(title))
                .append("\">");
        sb.append("<title>").append(Markup.escape(title)).append("</title>");
        sb.append("<rect x=\"0\" y=\"0\" width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" fill=\"#ffffff\"/>");
        sb.append(text(WIDTH / 2.0, 24, title, "middle", "chart-title", 15, "600"));
        for (double t : ys.ticks()) {
            sb.append(line(plotLeft(), y(t), plotRight(), y(t), Palette.GRID, ""));
            sb.append(text(plotLeft() - 8, y(t) + 4, ys.label(t), "end", "tick", 11, "400"));
        }
        for (double t : xs.ticks()) {
            sb.append(line(x(t), plotBottom(), x(t), plotBottom() + 5, Palette.AXIS, ""));
            sb.append(text(x(t), plotBottom() + 19, xs.label(t), "middle", "tick", 11, "400"));
        }
        sb.append("<g class=\"marks\">").append(body).append("</g>");
        sb.append(line(plotLeft(), plotBottom(), plotRight(), plotBottom(), Palette.AXIS, ""));
        sb.append(line(plotLeft(), plotTop(), plotLeft(), plotBottom(), Palette.AXIS, ""));
        sb.append(text((plotLeft() + plotRight()) / 2, HEIGHT - 10, xLabel, "middle", "axis-label", 12, "500"));
        double midY = (plotTop() + plotBottom()) / 2;
        sb.append("<text class=\"axis-label\" x=\"0\" y=\"0\" transform=\"translate(16 ")
                .append(Markup.coord(midY))
                .append(") rotate(-90)\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"500\" fill=\"")
                .append(Palette.TEXT)
                .append("\">")
                .append(Markup.escape(yLabel))
                .append("</text>");
        sb.append(legend(legend, plotRight() - 8, plotTop() + 8));
        sb.append("</svg>");
        return sb.toString();
    }

    /** A legend box anchored at its top-right corner. */
    static String legend(List<Legend> entries, double right, double top) {
        if (entries.isEmpty()) {
            return "";
        }
        int maxChars = entries.stream().mapToInt(e -> e.label().length()).max().orElse(0);
        double w = 34 + Math.min(maxChars, 40) * 6.6;
        double h = 8 + entries.size() * 18;
        double left = right - w;
        StringBuilder sb = new StringBuilder("<g class=\"legend\">");
        sb.append(String.format(
                java.util.Locale.ROOT,
                "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"4\" fill=\"#ffffff\""
                        + " fill-opacity=\"0.9\" stroke=\"#d0d4da\"/>",
                Markup.coord(left),
                Markup.coord(top),
                Markup.coord(w),
                Markup.coord(h)));
        for (int i = 0; i < entries.size(); i++) {
            Legend e = entries.get(i);
            double cy = top + 13 + i * 18;
            if (e.line()) {
                sb.append(line(left + 8, cy, left + 26, cy, e.color(), "stroke-width=\"2.5\""));
            } else {
                sb.append(String.format(
                        java.util.Locale.ROOT,
                        "<rect x=\"%s\" y=\"%s\" width=\"14\" height=\"10\" fill=\"%s\" fill-opacity=\"0.6\" stroke=\"%s\"/>",
                        Markup.coord(left + 10),
                        Markup.coord(cy - 5),
                        e.color(),
                        e.color()));
            }
            sb.append(text(left + 32, cy + 4, Markup.truncate(e.label(), 40), "start", "legend-label", 11, "400"));
        }
        return sb.append("</g>").toString();
    }

    static String line(double x1, double y1, double x2, double y2, String color, String extra) {
        return "<line x1=\"" + Markup.coord(x1) + "\" y1=\"" + Markup.coord(y1) + "\" x2=\"" + Markup.coord(x2)
                + "\" y2=\"" + Markup.coord(y2) + "\" stroke=\"" + color + "\" " + extra + "/>";
    }

    static String text(double x, double y, String content, String anchor, String cssClass, int size, String weight) {
        return "<text class=\"" + cssClass + "\" x=\"" + Markup.coord(x) + "\" y=\"" + Markup.coord(y)
                + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size + "\" font-weight=\"" + weight
                + "\" fill=\"" + Palette.TEXT + "\">" + Markup.escape(content) + "</text>";
    }

    private double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private double plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }
}
