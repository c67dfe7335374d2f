package dev.lathe.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code long} parameter of a test in a {@link LatheExperiment}: inject the test's seed. On a test
 * method, with a value: fix that test's seed (it wins over {@link LatheExperiment#seed()} and the
 * derived seed).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.METHOD})
public @interface Seed {
    /** The fixed seed (exactly one value) on a method; must be empty on a parameter. */
    long[] value() default {};
}
