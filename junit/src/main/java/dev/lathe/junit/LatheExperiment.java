package dev.lathe.junit;

import dev.lathe.core.tracking.StoreAddress;
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
 * <p>The tracker is opened by core's {@code StoreAddress} from {@link #store()} when set, else the system
 * property {@value #STORE_PROPERTY}, else {@code $LATHE_STORE}, else {@code ./lathe-store}: a directory
 * or a URL whose scheme names the backend (for example {@code postgresql://host/db}).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(LatheExperimentExtension.class)
public @interface LatheExperiment {
    /** System property naming the tracking store when {@link #store()} is empty. */
    String STORE_PROPERTY = StoreAddress.PROPERTY;

    /** The experiment's name in the tracking store. */
    String name();

    /** Tracking store location (a directory or URL); empty means {@value #STORE_PROPERTY}, $LATHE_STORE or the default. */
    String store() default "";

    /** A seed for every test of the class; empty means one derived from experiment and method name. */
    long[] seed() default {};
}
