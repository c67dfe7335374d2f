package dev.lathe.core.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.DataException;
import dev.lathe.core.LatheException;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * scikit-learn's {@code DictVectorizer}, for {@link FeatureFrame}s: one column per categorical
 * {@code name=value} seen when fitting and one per numerical feature, columns in sorted feature-name
 * order; values not seen when fitting are ignored at transform time. Fitted on training data and
 * reused unchanged on validation data; saves to and loads from JSON.
 */
public final class DictVectorizer {
    private static final String FORMAT = "lathe-dict-vectorizer";
    private static final int VERSION = 1;

    private final List<String> categorical;
    private final List<String> numerical;
    private final List<String> featureNames;
    private final Map<String, Integer> index;

    private DictVectorizer(List<String> categorical, List<String> numerical, List<String> featureNames) {
        this.categorical = List.copyOf(categorical);
        this.numerical = List.copyOf(numerical);
        this.featureNames = List.copyOf(featureNames);
        this.index = new HashMap<>(featureNames.size() * 2);
        for (int i = 0; i < featureNames.size(); i++) {
            index.put(featureNames.get(i), i);
        }
    }

    /** Learns the vocabulary of {@code frame}. */
    public static DictVectorizer fit(FeatureFrame frame) {
        TreeSet<String> names = new TreeSet<>();
        for (Map.Entry<String, CategoricalColumn> e : frame.categoricalColumns().entrySet()) {
            String prefix = e.getKey() + "=";
            for (String v : e.getValue().dictionary()) {
                names.add(prefix + v);
            }
        }
        names.addAll(frame.numerical().keySet());
        return new DictVectorizer(frame.categoricalNames(), frame.numericalNames(), new ArrayList<>(names));
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public List<String> categorical() {
        return categorical;
    }

    public List<String> numerical() {
        return numerical;
    }

    /**
     * Encodes {@code frame} into CSR rows with this vocabulary (zeros are not stored). Each distinct
     * categorical value is looked up once; the arrays are sized exactly from a first pass that counts
     * each row's entries.
     */
    public SparseMatrix transform(FeatureFrame frame) {
        for (String c : categorical) {
            LatheException.check(
                    frame.categoricalColumns().containsKey(c),
                    "frame lacks categorical feature '%s' the encoder was fitted on",
                    c);
        }
        for (String c : numerical) {
            LatheException.check(
                    frame.numerical().containsKey(c),
                    "frame lacks numerical feature '%s' the encoder was fitted on",
                    c);
        }
        int rows = frame.rows();
        CategoricalColumn[] cat =
                categorical.stream().map(frame.categoricalColumns()::get).toArray(CategoricalColumn[]::new);
        int[][] columnOf = new int[cat.length][];
        for (int c = 0; c < cat.length; c++) {
            columnOf[c] = columnsOf(categorical.get(c), cat[c]);
        }
        int[] numIdx = numerical.stream().mapToInt(index::get).toArray();
        double[][] num = numerical.stream().map(frame.numerical()::get).toArray(double[][]::new);
        int[] ptr = new int[rows + 1];
        for (int r = 0; r < rows; r++) {
            int k = 0;
            for (int c = 0; c < cat.length; c++) {
                if (columnOf[c][cat[c].code(r)] >= 0) {
                    k++;
                }
            }
            for (double[] column : num) {
                if (column[r] != 0.0) {
                    k++;
                }
            }
            ptr[r + 1] = ptr[r] + k;
        }
        int[] idx = new int[ptr[rows]];
        double[] val = new double[ptr[rows]];
        for (int r = 0; r < rows; r++) {
            int at = ptr[r];
            for (int c = 0; c < cat.length; c++) {
                int j = columnOf[c][cat[c].code(r)];
                if (j >= 0) {
                    idx[at] = j;
                    val[at++] = 1.0;
                }
            }
            for (int c = 0; c < num.length; c++) {
                if (num[c][r] != 0.0) {
                    idx[at] = numIdx[c];
                    val[at++] = num[c][r];
                }
            }
            sortPairs(idx, val, ptr[r], at);
        }
        return new SparseMatrix(rows, featureNames.size(), ptr, idx, val);
    }

    /** The matrix column of each of {@code values}' dictionary entries, -1 for a value not seen when fitting. */
    private int[] columnsOf(String feature, CategoricalColumn values) {
        String prefix = feature + "=";
        int[] out = new int[values.distinct()];
        List<String> dictionary = values.dictionary();
        for (int code = 0; code < out.length; code++) {
            Integer j = index.get(prefix + dictionary.get(code));
            out[code] = j == null ? -1 : j;
        }
        return out;
    }

    /** Saves the fitted vocabulary as JSON. */
    public void save(Path file) {
        AtomicFile.write(file, toJson().getBytes(StandardCharsets.UTF_8), "encoder");
    }

    public static DictVectorizer load(Path file) {
        try {
            return fromJson(Files.readString(file));
        } catch (IOException e) {
            throw new DataException("cannot read encoder file " + file + ": " + e, e);
        }
    }

    public String toJson() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        categorical.forEach(root.putArray("categorical")::add);
        numerical.forEach(root.putArray("numerical")::add);
        ArrayNode names = root.putArray("feature_names");
        featureNames.forEach(names::add);
        return root.toString();
    }

    public static DictVectorizer fromJson(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new DataException("encoder JSON is malformed: " + e.getMessage(), e);
        }
        LatheException.check(
                root != null && FORMAT.equals(root.path("format").asText()),
                "not a Lathe encoder: field 'format' must be '%s', got '%s'",
                FORMAT,
                root == null ? null : root.path("format").asText());
        LatheException.check(
                root.path("version").asInt() == VERSION,
                "encoder version %d is not supported (this Lathe reads %d)",
                root.path("version").asInt(),
                VERSION);
        return new DictVectorizer(
                strings(root.path("categorical")),
                strings(root.path("numerical")),
                strings(root.path("feature_names")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Sorts the entries {@code [from, to)} by column (a row holds a handful: insertion sort). */
    private static void sortPairs(int[] idx, double[] val, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int ki = idx[i];
            double kv = val[i];
            int j = i - 1;
            while (j >= from && idx[j] > ki) {
                idx[j + 1] = idx[j];
                val[j + 1] = val[j];
                j--;
            }
            idx[j + 1] = ki;
            val[j + 1] = kv;
        }
    }
}
