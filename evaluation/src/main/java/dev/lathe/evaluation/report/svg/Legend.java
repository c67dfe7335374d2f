package dev.lathe.evaluation.report.svg;

/** One legend entry: a label and its colour, drawn as a swatch (box) or a line sample. */
public record Legend(String label, String color, boolean line) {
    /** A filled-box entry, for bars and histograms. */
    public static Legend box(String label, String color) {
        return new Legend(label, color, false);
    }

    /** A line entry, for line charts. */
    public static Legend line(String label, String color) {
        return new Legend(label, color, true);
    }
}
