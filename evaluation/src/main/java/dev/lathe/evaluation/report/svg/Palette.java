package dev.lathe.evaluation.report.svg;

/** The report's colours: colour-blind-friendly series colours (Okabe-Ito) and neutral greys. */
public final class Palette {
    public static final String BLUE = "#0072B2";
    public static final String ORANGE = "#E69F00";
    public static final String GREEN = "#009E73";
    public static final String VERMILION = "#D55E00";
    public static final String PURPLE = "#CC79A7";
    public static final String SKY = "#56B4E9";
    public static final String AXIS = "#4a4a4a";
    public static final String GRID = "#e3e6ea";
    public static final String TEXT = "#222222";
    public static final String MUTED = "#6b7280";

    private static final String[] SERIES = {BLUE, ORANGE, GREEN, VERMILION, PURPLE, SKY};

    private Palette() {}

    /** The colour of the {@code i}-th series, cycling. */
    public static String series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }
}
