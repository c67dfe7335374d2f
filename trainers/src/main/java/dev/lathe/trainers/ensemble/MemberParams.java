package dev.lathe.trainers.ensemble;

import dev.lathe.core.model.Trainer;
import java.util.SortedMap;

/**
 * How an ensemble logs a member trainer beside its own declared hyperparameters: under one prefix
 * ({@code base.}, {@code base0.}, {@code meta.}, {@code member1.}), the member's name as {@code
 * <prefix>trainer} and each of its logged hyperparameters as {@code <prefix><name>}.
 */
final class MemberParams {
    /** The key under which a member's trainer name is logged, after its prefix. */
    static final String TRAINER = "trainer";

    private MemberParams() {}

    /** Adds {@code member}'s name and hyperparameters to {@code logged}, each key under {@code prefix}. */
    static void put(SortedMap<String, String> logged, String prefix, Trainer<?> member) {
        logged.put(prefix + TRAINER, member.name());
        member.hyperparameters().forEach((k, v) -> logged.put(prefix + k, v));
    }
}
