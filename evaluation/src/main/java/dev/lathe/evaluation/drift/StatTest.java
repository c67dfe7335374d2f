package dev.lathe.evaluation.drift;

/**
 * A per-column drift test with Evidently's name and default threshold: p-value tests drift below their
 * threshold, distance tests at or above it.
 */
public enum StatTest {
    KS("ks", "K-S p-value", 0.05, true, true, false),
    CHI_SQUARE("chisquare", "chi-square p-value", 0.05, true, true, true),
    Z("z", "Z-test p-value", 0.05, true, true, true),
    WASSERSTEIN("wasserstein", "Wasserstein distance (normed)", 0.1, false, true, false),
    JENSEN_SHANNON("jensenshannon", "Jensen-Shannon distance", 0.1, false, true, true),
    PSI("psi", "PSI", 0.1, false, true, true);

    private final String id;
    private final String label;
    private final double threshold;
    private final boolean pValue;
    private final boolean numeric;
    private final boolean categorical;

    StatTest(String id, String label, double threshold, boolean pValue, boolean numeric, boolean categorical) {
        this.id = id;
        this.label = label;
        this.threshold = threshold;
        this.pValue = pValue;
        this.numeric = numeric;
        this.categorical = categorical;
    }

    /** Evidently's name of the test ("ks", "wasserstein", ...). */
    public String id() {
        return id;
    }

    /** What its score is, for tables. */
    public String label() {
        return label;
    }

    /** Evidently's default threshold. */
    public double threshold() {
        return threshold;
    }

    /** Whether the score is a p-value (drift below the threshold) rather than a distance (drift at or above). */
    public boolean isPValue() {
        return pValue;
    }

    /** Whether {@code score} means drift at this test's threshold. */
    public boolean drifted(double score) {
        return pValue ? score < threshold : score >= threshold;
    }

    /** Whether the test applies to a column of that type. */
    public boolean appliesTo(FeatureType type) {
        return type == FeatureType.NUMERIC ? numeric : categorical;
    }
}
