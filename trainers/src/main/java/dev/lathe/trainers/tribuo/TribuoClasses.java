package dev.lathe.trainers.tribuo;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TypeRegistry;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import com.oracle.labs.mlrg.olcut.provenance.primitives.BooleanProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.CharProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DateTimeProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.EnumProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.FloatProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import dev.lathe.core.model.PayloadInput;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The only classes a Tribuo model file may name: those the Tribuo trainers Lathe offers (SGD, LibLinear,
 * CART forest) write into their {@code ModelProto}, its nested messages and its OLCUT provenance. Tribuo
 * loads and initialises every class a file names ({@code Class.forName}), so {@link #check} walks the
 * whole message before Tribuo sees it and rejects any other name, and any packed message type it cannot
 * look into. {@code TribuoClassNamesTest} trains every Tribuo trainer and asserts the list is exactly
 * what they write.
 */
final class TribuoClasses {
    /** Class names Lathe's Tribuo models carry, from class literals so a Tribuo rename fails to compile. */
    static final Set<String> CLASS_NAMES = names(
            // models
            org.tribuo.regression.sgd.linear.LinearSGDModel.class,
            org.tribuo.regression.liblinear.LibLinearRegressionModel.class,
            org.tribuo.ensemble.WeightedEnsembleModel.class,
            org.tribuo.regression.rtree.IndependentRegressionTreeModel.class,
            // their parts
            org.tribuo.ImmutableFeatureMap.class,
            org.tribuo.CategoricalIDInfo.class,
            org.tribuo.RealIDInfo.class,
            org.tribuo.regression.ImmutableRegressionInfo.class,
            org.tribuo.regression.Regressor.DimensionTuple.class,
            org.tribuo.math.LinearParameters.class,
            org.tribuo.math.la.DenseMatrix.class,
            org.tribuo.common.tree.LeafNode.class,
            org.tribuo.regression.ensemble.AveragingCombiner.class,
            // the objects their provenance describes
            org.tribuo.MutableDataset.class,
            org.tribuo.DataSource.class,
            org.tribuo.dataset.DatasetView.class,
            org.tribuo.regression.RegressionFactory.class,
            org.tribuo.regression.sgd.linear.LinearSGDTrainer.class,
            org.tribuo.regression.sgd.objectives.SquaredLoss.class,
            org.tribuo.math.optimisers.AdaGrad.class,
            org.tribuo.regression.liblinear.LibLinearRegressionTrainer.class,
            org.tribuo.regression.liblinear.LinearRegressionType.class,
            org.tribuo.regression.liblinear.LinearRegressionType.LinearType.class,
            org.tribuo.common.liblinear.LibLinearModel.class,
            org.tribuo.common.tree.RandomForestTrainer.class,
            org.tribuo.common.tree.TreeModel.class,
            org.tribuo.regression.rtree.CARTRegressionTrainer.class,
            org.tribuo.regression.rtree.impurity.MeanSquaredError.class,
            // the provenance classes OLCUT instantiates
            org.tribuo.provenance.ModelProvenance.class,
            org.tribuo.provenance.EnsembleModelProvenance.class,
            org.tribuo.provenance.DatasetProvenance.class,
            org.tribuo.dataset.DatasetView.DatasetViewProvenance.class,
            org.tribuo.provenance.SimpleDataSourceProvenance.class,
            org.tribuo.provenance.impl.TrainerProvenanceImpl.class,
            org.tribuo.regression.RegressionFactory.RegressionFactoryProvenance.class,
            ConfiguredObjectProvenanceImpl.class,
            BooleanProvenance.class,
            CharProvenance.class,
            DateTimeProvenance.class,
            DoubleProvenance.class,
            EnumProvenance.class,
            FloatProvenance.class,
            IntProvenance.class,
            LongProvenance.class,
            StringProvenance.class);

    /** The packed ({@code google.protobuf.Any}) message types those models use. */
    static final List<Descriptor> PACKED_TYPES = List.of(
            org.tribuo.regression.sgd.protos.RegressionLinearSGDProto.getDescriptor(),
            org.tribuo.common.liblinear.protos.LibLinearModelProto.getDescriptor(),
            org.tribuo.protos.core.WeightedEnsembleModelProto.getDescriptor(),
            org.tribuo.regression.rtree.protos.IndependentRegressionTreeModelProto.getDescriptor(),
            org.tribuo.protos.core.ImmutableFeatureMapProto.getDescriptor(),
            org.tribuo.protos.core.CategoricalIDInfoProto.getDescriptor(),
            org.tribuo.protos.core.RealIDInfoProto.getDescriptor(),
            org.tribuo.regression.protos.ImmutableRegressionInfoProto.getDescriptor(),
            org.tribuo.regression.protos.DimensionTupleProto.getDescriptor(),
            org.tribuo.math.protos.LinearParametersProto.getDescriptor(),
            org.tribuo.math.protos.DenseTensorProto.getDescriptor(),
            org.tribuo.common.tree.protos.LeafNodeProto.getDescriptor(),
            org.tribuo.common.tree.protos.SplitNodeProto.getDescriptor());

    /**
     * String fields whose value Tribuo or OLCUT turns into a class: the class of every serialized object,
     * and of every provenance object (and an enum provenance's enum class in {@code additional}).
     */
    static final Set<String> CLASS_FIELDS = Set.of("class_name", "object_class_name", "provenance_class_name");

    private static final String ENUM_CLASS_FIELD = "additional";
    private static final String ANY = Any.getDescriptor().getFullName();
    /** Packed messages nest a few levels in the models above; deeper is a crafted file (and a stack risk). */
    private static final int MAX_PACKED_DEPTH = 16;

    private static final TypeRegistry REGISTRY =
            TypeRegistry.newBuilder().add(PACKED_TYPES).build();

    private TribuoClasses() {}

    /** Throws a {@link dev.lathe.core.DataException} naming the field and value of the first name not on the list. */
    static void check(Message proto, PayloadInput in) {
        visit(proto, 0, in, (field, value) -> {
            if (!CLASS_NAMES.contains(value)) {
                throw in.error(
                        "tribuo.model",
                        "names class '" + value + "' in " + field + ", which is not one of the " + CLASS_NAMES.size()
                                + " classes Lathe's Tribuo trainers write; the file is rejected before any class is"
                                + " loaded");
            }
        });
    }

    /** Every class name in {@code proto} (for the test that keeps {@link #CLASS_NAMES} exact). */
    static Set<String> namesIn(Message proto, PayloadInput in) {
        Set<String> out = new TreeSet<>();
        visit(proto, 0, in, (field, value) -> out.add(value));
        return out;
    }

    /** Receives each class-naming field (full name) and its value. */
    @FunctionalInterface
    interface NameVisitor {
        void accept(String field, String value);
    }

    private static void visit(Message m, int depth, PayloadInput in, NameVisitor visitor) {
        if (m.getDescriptorForType().getFullName().equals(ANY)) {
            visitPacked(m, depth, in, visitor);
            return;
        }
        boolean enumProvenance = EnumProvenance.class.getName().equals(stringField(m, "provenance_class_name"));
        for (Map.Entry<FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
            FieldDescriptor f = e.getKey();
            List<?> values = f.isRepeated() ? (List<?>) e.getValue() : List.of(e.getValue());
            for (Object v : values) {
                if (v instanceof Message nested) {
                    visit(nested, depth, in, visitor);
                } else if (v instanceof String s
                        && !s.isEmpty()
                        && (CLASS_FIELDS.contains(f.getName())
                                || enumProvenance && f.getName().equals(ENUM_CLASS_FIELD))) {
                    visitor.accept(f.getFullName(), s);
                }
            }
        }
    }

    private static void visitPacked(Message any, int depth, PayloadInput in, NameVisitor visitor) {
        String url = stringField(any, "type_url");
        String typeName = url.substring(url.lastIndexOf('/') + 1);
        Descriptor type = REGISTRY.find(typeName);
        if (type == null) {
            throw in.error(
                    "tribuo.model", "packs a message of type '" + url + "', which Lathe's Tribuo models do not use");
        }
        if (depth >= MAX_PACKED_DEPTH) {
            throw in.error("tribuo.model", "nests packed messages more than " + MAX_PACKED_DEPTH + " deep");
        }
        try {
            Object value = any.getField(any.getDescriptorForType().findFieldByName("value"));
            visit(DynamicMessage.parseFrom(type, (com.google.protobuf.ByteString) value), depth + 1, in, visitor);
        } catch (InvalidProtocolBufferException e) {
            throw in.error("tribuo.model", "holds a malformed " + typeName + ": " + e.getMessage());
        }
    }

    private static String stringField(Message m, String name) {
        FieldDescriptor f = m.getDescriptorForType().findFieldByName(name);
        return f == null || f.getType() != FieldDescriptor.Type.STRING ? "" : (String) m.getField(f);
    }

    private static Set<String> names(Class<?>... classes) {
        return Stream.of(classes).map(Class::getName).collect(Collectors.toUnmodifiableSet());
    }
}
