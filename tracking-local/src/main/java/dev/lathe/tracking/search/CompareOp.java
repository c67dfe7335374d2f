package dev.lathe.tracking.search;

/** A comparator of the MLflow search grammar, with the spelling a user writes. */
public enum CompareOp {
    EQ("="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    LIKE("LIKE"),
    ILIKE("ILIKE"),
    IN("IN"),
    NOT_IN("NOT IN"),
    IS_NULL("IS NULL"),
    IS_NOT_NULL("IS NOT NULL");

    private final String symbol;

    CompareOp(String symbol) {
        this.symbol = symbol;
    }

    /** The comparator as written in a filter, e.g. {@code "!="} or {@code "NOT IN"}. */
    public String symbol() {
        return symbol;
    }

    /** The symbolic comparator ({@code = != < <= > >=}) spelled {@code text}, or null. */
    static CompareOp ofSymbol(String text) {
        for (CompareOp op : values()) {
            if (op.ordinal() <= GE.ordinal() && op.symbol.equals(text)) {
                return op;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
