package dev.lathe.core.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The dictionary-encoded categories of each kind of cells against the cells' own text, row by row (the
 * per-row strings the encoding avoids building), and packed-timestamp minutes against java.time.
 */
class CategoryCodesTest {
    private static final String SOURCE = "t.csv";

    private static Table table() {
        IntColumn ints = IntColumn.create("pu", new int[] {166, 7, 166, 0, 7});
        ints.setMissing(3);
        DoubleColumn doubles = DoubleColumn.create("d", new double[] {166.0, 1.5, -0.0, 0.0, Double.NaN});
        LongColumn longs = LongColumn.create("l", new long[] {1L << 40, 3, 3, -2, 1L << 40});
        StringColumn text = StringColumn.create("s", new String[] {"1_2", "1", "north", "", "1_2"});
        text.setMissing(3);
        StringColumn tail = StringColumn.create("t", new String[] {"3", "2_3", "3", "x", "3"});
        return Table.create("t", ints, doubles, longs, text, tail);
    }

    private static String[] textOf(Cells cells, int rows) {
        String[] out = new String[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = cells.text(r);
        }
        return out;
    }

    @Test
    void rawColumnsEncodeToTheirTextRowByRow() {
        Table t = table();
        for (String name : t.columnNames()) {
            Cells cells = new RawCells(t.column(name), SOURCE);
            assertArrayEquals(
                    textOf(cells, t.rowCount()), cells.categories(t.rowCount()).values(), name);
        }
        // -0.0 and 0.0 are two keys but one text: one dictionary entry
        assertEquals(
                List.of("166", "1.5", "0", "nan"),
                new RawCells(t.column("d"), SOURCE).categories(5).dictionary());
    }

    @Test
    void concatEncodesToTheJoinedTextEvenWhenTwoPairsPrintAlike() {
        Table t = table();
        TableView view = new TableView(
                List.of(
                        DerivedColumn.parse("st=concat(s,t)"),
                        DerivedColumn.parse("all=concat(pu,d,l,s)"),
                        DerivedColumn.parse("pu_text=text(pu)")),
                InputColumns.of(t),
                SOURCE);
        for (String name : List.of("st", "all", "pu_text")) {
            Cells cells = view.cells(name);
            assertArrayEquals(
                    textOf(cells, t.rowCount()), cells.categories(t.rowCount()).values(), name);
        }
        // ("1_2","3") and ("1","2_3") both read "1_2_3": one category, as the strings would be
        assertEquals(
                List.of("1_2_3", "north_3", "nan_x"),
                view.cells("st").categories(5).dictionary());
    }

    @Test
    void minutesFromPackedTimestampsEqualJavaTime() {
        Random random = new Random(13);
        int rows = 2000;
        DateTimeColumn start = DateTimeColumn.create("start");
        DateTimeColumn end = DateTimeColumn.create("end");
        LocalDateTime base = LocalDateTime.of(2023, 1, 1, 0, 0);
        for (int i = 0; i < rows; i++) {
            LocalDateTime a =
                    base.plusSeconds(random.nextInt(90 * 86_400)).plusNanos(random.nextInt(1000) * 1_000_000L);
            // some trips end before they start, some cross midnight or a month
            LocalDateTime b =
                    a.plusSeconds(random.nextInt(200_000) - 20_000).plusNanos(random.nextInt(1000) * 1_000_000L);
            start.append(a);
            end.append(b);
        }
        start.setMissing(5);
        end.setMissing(9);
        Table t = Table.create("t", start, end);
        Cells minutes = new TableView(
                        List.of(DerivedColumn.parse("m=minutes_between(start,end)")), InputColumns.of(t), SOURCE)
                .cells("m");
        for (int i = 0; i < rows; i++) {
            double expected = i == 5 || i == 9 ? Double.NaN : DerivedCells.minutesBetween(start.get(i), end.get(i));
            assertEquals(expected, minutes.number(i), 0.0, "row " + i);
        }
    }
}
