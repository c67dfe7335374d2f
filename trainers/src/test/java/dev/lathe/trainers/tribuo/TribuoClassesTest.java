package dev.lathe.trainers.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.Descriptor;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.PayloadInput;
import dev.lathe.trainers.boosted.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tribuo.regression.liblinear.LinearRegressionType.LinearType;

/**
 * {@link TribuoClasses} is exactly what Lathe's Tribuo trainers write: every trainer (each LibLinear
 * type) is fitted on data with both one-hot and real-valued features, and the class names and packed
 * message types found in the saved protos are compared with the declared lists in both directions.
 */
class TribuoClassesTest {
    private static List<org.tribuo.Model<?>> everyTribuoModelLatheWrites() {
        // 300 rows: the distance column has enough distinct values to become a real-valued feature.
        Dataset train = TestData.taxiLike("train", 300, 4, 1.0, 11);
        List<Object> trainers = new ArrayList<>();
        trainers.add(new TribuoSgdTrainer(new SgdParams(2, 0.1, 1, 1)));
        for (LinearType type : LinearType.values()) {
            trainers.add(new TribuoLibLinearTrainer(new LibLinearParams(type, 1.0, 50, 0.01, 0.1, 1)));
        }
        trainers.add(new TribuoForestTrainer(new TribuoForestParams(3, 4, 0.5f, 1f, 1)));
        List<org.tribuo.Model<?>> out = new ArrayList<>();
        for (Object t : trainers) {
            @SuppressWarnings("unchecked")
            dev.lathe.core.model.Trainer<TribuoModel> trainer = (dev.lathe.core.model.Trainer<TribuoModel>) t;
            out.add(trainer.fit(train).tribuoModel());
        }
        return out;
    }

    @Test
    void theAllowListIsExactlyTheClassesLathesTribuoTrainersWrite() {
        PayloadInput in = new PayloadInput(new byte[0], 0, "<test>", "");
        Set<String> seen = new TreeSet<>();
        for (org.tribuo.Model<?> m : everyTribuoModelLatheWrites()) {
            seen.addAll(TribuoClasses.namesIn(m.serialize(), in));
        }
        assertEquals(new TreeSet<>(TribuoClasses.CLASS_NAMES), seen);
    }

    @Test
    void thePackedTypesAreExactlyTheOnesLathesTribuoModelsUse() {
        Set<String> seen = new TreeSet<>();
        for (org.tribuo.Model<?> m : everyTribuoModelLatheWrites()) {
            collectPacked(m.serialize(), seen);
        }
        assertEquals(
                TribuoClasses.PACKED_TYPES.stream()
                        .map(Descriptor::getFullName)
                        .collect(Collectors.toCollection(TreeSet::new)),
                seen);
        assertTrue(seen.size() > 5, seen.toString());
    }

    /** Packed types by an independent route: the protobuf text form lists every type URL. */
    private static void collectPacked(com.google.protobuf.Message m, Set<String> out) {
        var registry = com.google.protobuf.TypeRegistry.newBuilder()
                .add(TribuoClasses.PACKED_TYPES)
                .build();
        String text = com.google.protobuf.TextFormat.printer()
                .usingTypeRegistry(registry)
                .printToString(m);
        var matcher = java.util.regex.Pattern.compile("\\[type\\.googleapis\\.com/([\\w.]+)\\]")
                .matcher(text);
        while (matcher.find()) {
            out.add(matcher.group(1));
        }
        assertTrue(!text.contains("type_url"), "a packed message the registry cannot expand:\n" + text);
    }
}
