package dev.lathe.core.features;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A categorical feature column dictionary-encoded: one int code per row into a small dictionary of
 * distinct values, so that millions of rows cost four bytes each instead of a String each, and an
 * encoder looks each distinct value up once instead of once per row. Every dictionary entry is distinct
 * and occurs in at least one row.
 */
public final class CategoricalColumn {
    private final String[] dictionary;
    private final int[] codes;

    private CategoricalColumn(String[] dictionary, int[] codes) {
        this.dictionary = dictionary;
        this.codes = codes;
    }

    /** Encodes {@code values} (none null), in order of first appearance. */
    public static CategoricalColumn of(String[] values) {
        Map<String, Integer> seen = new HashMap<>();
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            LatheException.check(values[i] != null, "categorical value at row %d must not be null", i);
            Integer c = seen.putIfAbsent(values[i], seen.size());
            codes[i] = c == null ? seen.size() - 1 : c;
        }
        String[] dictionary = new String[seen.size()];
        seen.forEach((v, c) -> dictionary[c] = v);
        return new CategoricalColumn(dictionary, codes);
    }

    /**
     * The column whose row {@code i} is {@code dictionary[codes[i]]}; takes ownership of {@code codes}.
     * Entries with equal text are merged and entries no row uses are dropped, so that the invariant holds
     * whatever the caller's dictionary.
     */
    public static CategoricalColumn fromCodes(int[] codes, String[] dictionary) {
        int[] remap = new int[dictionary.length];
        Arrays.fill(remap, -1);
        for (int i = 0; i < codes.length; i++) {
            int c = codes[i];
            if (c < 0 || c >= dictionary.length) { // not check(...): its varargs would box per row
                throw new InvalidParameterException("code " + c + " at row " + i + " is outside the dictionary of "
                        + dictionary.length + " values");
            }
            remap[c] = 0;
        }
        Map<String, Integer> byText = new HashMap<>();
        boolean identity = true;
        for (int c = 0; c < dictionary.length; c++) {
            if (remap[c] < 0) {
                identity = false;
                continue;
            }
            LatheException.check(dictionary[c] != null, "dictionary entry %d must not be null", c);
            Integer first = byText.putIfAbsent(dictionary[c], byText.size());
            remap[c] = first == null ? byText.size() - 1 : first;
            identity &= remap[c] == c;
        }
        if (identity) {
            return new CategoricalColumn(dictionary.clone(), codes);
        }
        String[] compact = new String[byText.size()];
        byText.forEach((v, c) -> compact[c] = v);
        for (int i = 0; i < codes.length; i++) {
            codes[i] = remap[codes[i]];
        }
        return new CategoricalColumn(compact, codes);
    }

    /** The rows at {@code rows}, in that order, with the dictionary cut down to the values they hold. */
    public CategoricalColumn select(int[] rows) {
        int[] out = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = codes[rows[k]];
        }
        return fromCodes(out, dictionary);
    }

    public int rows() {
        return codes.length;
    }

    /** The dictionary code of {@code row}. */
    public int code(int row) {
        return codes[row];
    }

    /** The value of {@code row}. */
    public String value(int row) {
        return dictionary[codes[row]];
    }

    /** How many distinct values the column holds. */
    public int distinct() {
        return dictionary.length;
    }

    /** The distinct values, indexed by code. */
    public List<String> dictionary() {
        return List.of(dictionary);
    }

    /** One value per row as an array of the dictionary's strings (no string is copied). */
    public String[] values() {
        String[] out = new String[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = dictionary[codes[i]];
        }
        return out;
    }
}
