package dev.lathe.core.data;

/** One fold of a split: its index and the row indices it trains and tests on (copies on access). */
public final class Fold {
    private final int index;
    private final int[] trainRows;
    private final int[] testRows;

    Fold(int index, int[] trainRows, int[] testRows) {
        this.index = index;
        this.trainRows = trainRows.clone();
        this.testRows = testRows.clone();
    }

    public int index() {
        return index;
    }

    public int[] trainRows() {
        return trainRows.clone();
    }

    public int[] testRows() {
        return testRows.clone();
    }

    public int trainSize() {
        return trainRows.length;
    }

    public int testSize() {
        return testRows.length;
    }
}
