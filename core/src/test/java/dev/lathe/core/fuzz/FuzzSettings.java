package dev.lathe.core.fuzz;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyAttributes;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Seeds and tries of every jqwik property in the project, registered globally (ServiceLoader) by the
 * core test jar: in CI each property runs with the fixed seed {@link #CI_SEED} and the tries its
 * annotation asks for, so the suite is reproducible; {@code -Dlathe.fuzz.seed=random} (or a number) and
 * {@code -Dlathe.fuzz.tries=N} turn the same properties into a longer fuzzing run ({@code bench/fuzz.sh}).
 * A seed written in a property's own annotation always wins (a regression kept on purpose).
 */
public final class FuzzSettings implements AroundPropertyHook {
    /** System property: the seed of every property, or {@code random} for a fresh one per property. */
    public static final String SEED_PROPERTY = "lathe.fuzz.seed";
    /** System property: the tries of every property, at least the tries of its annotation. */
    public static final String TRIES_PROPERTY = "lathe.fuzz.tries";
    /** The seed CI uses. */
    public static final String CI_SEED = "20261130";

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public boolean appliesTo(java.util.Optional<AnnotatedElement> element) {
        return element.filter(e -> e instanceof Method && e.isAnnotationPresent(Property.class))
                .isPresent();
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        PropertyAttributes attributes = context.attributes();
        String seed = System.getProperty(SEED_PROPERTY, CI_SEED);
        if (attributes.seed().filter(s -> !s.isEmpty()).isEmpty() && !seed.equals("random")) {
            attributes.setSeed(seed);
        }
        String tries = System.getProperty(TRIES_PROPERTY);
        if (tries != null) {
            attributes.setTries(
                    Math.max(Integer.parseInt(tries), attributes.tries().orElse(0)));
        }
        return property.execute();
    }
}
