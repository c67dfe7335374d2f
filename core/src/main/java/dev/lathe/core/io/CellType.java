package dev.lathe.core.io;

/**
 * The type a column is read as, from narrowest to widest: a reader that infers types starts a column at
 * the narrowest type its first rows fit and widens it (never narrows) when a later value does not fit.
 */
public enum CellType {
    /** 32-bit integers (Tablesaw {@code IntColumn}). */
    INT,
    /** 64-bit integers (Tablesaw {@code LongColumn}). */
    LONG,
    /** Floating point numbers (Tablesaw {@code DoubleColumn}). */
    DOUBLE,
    /** Date-times {@code yyyy-MM-dd HH:mm:ss[.fraction]} (Tablesaw {@code DateTimeColumn}). */
    TIMESTAMP,
    /** Text (Tablesaw {@code StringColumn}). */
    TEXT
}
