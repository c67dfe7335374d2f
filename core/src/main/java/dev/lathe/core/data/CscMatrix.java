package dev.lathe.core.data;

/**
 * A sparse matrix in compressed sparse column form: column {@code j} holds rows
 * {@code rowIndices[colPtr[j] .. colPtr[j+1])} in increasing order. Built by
 * {@link SparseMatrix#toCsc()} for coordinate-descent solvers that sweep columns.
 */
public record CscMatrix(int rows, int cols, int[] colPtr, int[] rowIndices, double[] values) {}
