package dev.lathe.core.recipe;

import dev.lathe.core.DataException;
import dev.lathe.core.features.CategoricalColumn;
import dev.lathe.core.features.FeatureFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import tech.tablesaw.api.Table;

/** One application of a {@link Recipe} to one table: filter, read the target, collect the features. */
final class Preparation {
    /** The largest magnitude of a numerical feature or target: {@link Float#MAX_VALUE}. */
    static final double MAX_MAGNITUDE = Float.MAX_VALUE;

    private final Recipe recipe;
    private final TableView view;
    private final Table raw;

    Preparation(Recipe recipe, Table raw, String source) {
        this.recipe = recipe;
        this.raw = raw;
        this.view = new TableView(recipe.derived(), InputColumns.of(raw), source);
    }

    /** A preparation that only collects features (it has no table to sample for {@link #prepare}). */
    Preparation(Recipe recipe, ColumnValues raw, String source) {
        this.recipe = recipe;
        this.raw = null;
        this.view = new TableView(recipe.derived(), raw.input(), source);
    }

    PreparedTable prepare() {
        resolveDerived(recipe.reach(recipe.preparedColumns()));
        List<List<Cells>> filterCells = new ArrayList<>();
        for (RowFilter f : recipe.filters()) {
            filterCells.add(f.columns().stream().map(view::cells).toList());
        }
        Cells target = view.cells(recipe.target());
        resolveFeatures();

        int n = view.rows();
        Map<String, Long> removed = new LinkedHashMap<>();
        recipe.filters().forEach(f -> removed.put(f.label(), 0L));
        int[] keep = new int[n];
        int kept = 0;
        rows:
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < filterCells.size(); k++) {
                RowFilter f = recipe.filters().get(k);
                if (!keeps(f, filterCells.get(k), i)) {
                    removed.merge(f.label(), 1L, Long::sum);
                    continue rows;
                }
            }
            keep[kept++] = i;
        }
        if (kept == 0) {
            throw new DataException(view.source() + ": every row was removed by the filters (read " + n + ", removed "
                    + removed + "): nothing left to train or evaluate on");
        }
        int[] rows = Arrays.copyOf(keep, kept);
        double[] y = finiteNumbers(target, rows, "target column");
        return new PreparedTable(
                features(rows),
                y,
                new PrepReport(view.source(), n, removed, kept),
                raw.first(Math.min(raw.rowCount(), PreparedTable.SAMPLE_ROWS)));
    }

    FeatureFrame features() {
        resolveDerived(recipe.reach(recipe.featureColumns()));
        resolveFeatures();
        return features(IntStream.range(0, view.rows()).toArray());
    }

    private FeatureFrame features(int[] rows) {
        Map<String, CategoricalColumn> cat = new LinkedHashMap<>();
        boolean everyRow = rows.length == view.rows();
        for (String f : recipe.categorical()) {
            CategoricalColumn all = view.cells(f).categories(view.rows());
            cat.put(f, everyRow ? all : all.select(rows));
        }
        Map<String, double[]> num = new LinkedHashMap<>();
        for (String f : recipe.numerical()) {
            num.put(f, finiteNumbers(view.cells(f), rows, "column"));
        }
        return FeatureFrame.encoded(cat, num, rows.length);
    }

    /**
     * The cells of {@code rows} as numbers a trainer can use: finite and within a 32-bit float's range
     * (XGBoost reads features as floats, and linear solvers square them), else an error naming the
     * source, column, row and value.
     */
    private double[] finiteNumbers(Cells cells, int[] rows, String what) {
        double[] out = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            double v = cells.number(rows[k]);
            if (!Double.isFinite(v) || Math.abs(v) > MAX_MAGNITUDE) {
                throw new DataException(view.source() + ": " + what + " '" + cells.name() + "', "
                        + CellValues.where(rows[k]) + ": " + problem(cells, rows[k], v));
            }
            out[k] = v;
        }
        return out;
    }

    private static String problem(Cells cells, int row, double v) {
        String name = cells.name();
        if (cells.isMissing(row)) {
            return "the value is missing; every row needs a number here (drop such rows with a filter, e.g. '" + name
                    + " is not null')";
        }
        String kind =
                Double.isFinite(v) ? "is beyond +-" + MAX_MAGNITUDE + " (a 32-bit float's range)" : "is not finite";
        return "value " + v + " " + kind + "; every row needs a finite number within that range here (drop"
                + " out-of-range rows with a filter, e.g. '" + name + " between LOW and HIGH')";
    }

    private static boolean keeps(RowFilter filter, List<Cells> cells, int row) {
        if (filter instanceof RowFilter.Compare c) {
            return c.op().test(cells.get(0).number(row), c.value());
        }
        if (filter instanceof RowFilter.Between b) {
            double v = cells.get(0).number(row);
            return v >= b.low() && v <= b.high();
        }
        for (Cells c : cells) {
            if (c.isMissing(row)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Resolves the derived columns among {@code used} in the order the recipe declares them, so that a
     * missing input is reported for the first definition that reads it.
     */
    private void resolveDerived(Set<String> used) {
        for (DerivedColumn d : recipe.derived()) {
            if (used.contains(d.name())) {
                view.cells(d.name());
            }
        }
    }

    private void resolveFeatures() {
        recipe.categorical().forEach(view::cells);
        recipe.numerical().forEach(view::cells);
    }
}
