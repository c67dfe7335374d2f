package dev.lathe.tracking.search;

import dev.lathe.core.LatheException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A searchable attribute of the grammar: its canonical name, value kind and allowed comparators
 * (IN and NOT IN appear only for attributes that accept a list of quoted strings).
 */
public record AttributeSpec(String name, ValueKind kind, Set<CompareOp> ops) {
    /** Comparators MLflow allows on numeric fields (metrics, timestamps). */
    public static final Set<CompareOp> NUMERIC_OPS =
            Set.copyOf(EnumSet.of(CompareOp.EQ, CompareOp.NE, CompareOp.LT, CompareOp.LE, CompareOp.GT, CompareOp.GE));

    /** Comparators MLflow allows on string fields. */
    public static final Set<CompareOp> STRING_OPS =
            Set.copyOf(EnumSet.of(CompareOp.EQ, CompareOp.NE, CompareOp.LIKE, CompareOp.ILIKE));

    public AttributeSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        LatheException.check(!ops.isEmpty(), "attribute '%s' must allow at least one comparator", name);
        ops = Set.copyOf(ops);
    }

    /** A numeric attribute with the numeric comparators. */
    public static AttributeSpec numeric(String name) {
        return new AttributeSpec(name, ValueKind.NUMERIC, NUMERIC_OPS);
    }

    /** A string attribute with {@code = != LIKE ILIKE}. */
    public static AttributeSpec string(String name) {
        return new AttributeSpec(name, ValueKind.STRING, STRING_OPS);
    }

    /** A string attribute that additionally accepts the given list comparators. */
    public static AttributeSpec stringWithList(String name, CompareOp... listOps) {
        EnumSet<CompareOp> all = EnumSet.copyOf(STRING_OPS);
        all.addAll(Set.of(listOps));
        return new AttributeSpec(name, ValueKind.STRING, all);
    }
}
