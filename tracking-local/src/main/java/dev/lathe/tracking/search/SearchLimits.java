package dev.lathe.tracking.search;

/**
 * How large a search's input may be: far above any real search, below what SQLite can compile (an
 * expression tree at most 1000 deep, at most 64 tables in a join, at most 32766 bound values), so an
 * oversized input is a clear error naming the limit and never a failed statement.
 */
public final class SearchLimits {
    /** Clauses joined by AND in one filter: each nests the WHERE one level deeper. */
    public static final int MAX_CLAUSES = 500;

    /** Values in all the {@code IN (...)} lists of one filter: each is bound once per arm of the statement. */
    public static final int MAX_LIST_VALUES = 2_000;

    /** Order-by clauses of one search: each after the first joins one more table. */
    public static final int MAX_ORDER_TERMS = 32;

    /** Characters of one filter: {@link #MAX_CLAUSES} clauses of 500 characters each. */
    public static final int MAX_FILTER_LENGTH = MAX_CLAUSES * 500;

    private SearchLimits() {}
}
