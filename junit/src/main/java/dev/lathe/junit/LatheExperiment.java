package dev.lathe.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a test class an experiment: every test method runs inside its own tracked run, named after the
 * method, ended FINISHED, FAILED or KILLED from the test's outcome, with a fixed seed and an injectable
 * {@link ExperimentRun} to log metrics and assert on them.
 *
 * <p>The tracker comes from core's {@code TrackerProvider}: {@link #store()} when set, else the system
 * property {@value #STORE_PROPERTY}, else the backend's default location.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(LatheExperimentExtension.class)
public @interface LatheExperiment {
    /** System property naming the tracking store when {@link #store()} is empty. */
    String STORE_PROPERTY = "lathe.store";

    /** The experiment's name in the tracking store. */
    String name();

    /** Tracking store location (a directory or URI); empty means {@value #STORE_PROPERTY} or the default. */
    String store() default "";

    /** A seed for every test of the class; empty means one derived from experiment and method name. */
    long[] seed() default {};
}
