package dev.lathe.junit;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.InvalidStateException;
import dev.lathe.core.tracking.RunStatus;
import java.lang.reflect.Parameter;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 side of {@link LatheExperiment}: opens the tracker before a class's tests, starts a run
 * before each test, injects {@link ExperimentRun} and {@code @Seed long} parameters, and ends the run
 * with the test's outcome (FINISHED, FAILED, or KILLED for aborted and disabled tests).
 */
public final class LatheExperimentExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, TestWatcher, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LatheExperimentExtension.class);
    private static final String SESSION = "session";
    private static final String OWNER = "session-owner";

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (store.get(SESSION) != null) {
            return; // a @Nested class shares its enclosing class's session
        }
        LatheExperiment annotation = AnnotationSupport.findAnnotation(
                        context.getRequiredTestClass(), LatheExperiment.class)
                .orElseThrow(() -> new InvalidParameterException(context.getRequiredTestClass()
                                .getName() + " uses LatheExperimentExtension without @LatheExperiment(name = ...)"));
        store.put(SESSION, ExperimentSession.open(annotation, System.getProperties()));
        store.put(OWNER, Boolean.TRUE);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (store.remove(OWNER, Boolean.class) != null) {
            ExperimentSession session = store.remove(SESSION, ExperimentSession.class);
            if (session != null) {
                session.close();
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        session(context)
                .begin(
                        context.getUniqueId(),
                        context.getRequiredTestClass(),
                        context.getRequiredTestMethod(),
                        context.getDisplayName());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter p = parameterContext.getParameter();
        if (p.getType() == ExperimentRun.class) {
            return true;
        }
        return (p.getType() == long.class || p.getType() == Long.class) && p.isAnnotationPresent(Seed.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        ExperimentRun run = session(extensionContext)
                .running(extensionContext.getUniqueId())
                .orElse(null);
        if (run == null) {
            throw new ParameterResolutionException(parameterContext.getParameter() + " of "
                    + parameterContext.getDeclaringExecutable().getName()
                    + " can only be injected into test methods and @BeforeEach/@AfterEach methods");
        }
        Parameter p = parameterContext.getParameter();
        if (p.getType() == ExperimentRun.class) {
            return run;
        }
        Seed seed = p.getAnnotation(Seed.class);
        if (seed.value().length > 0) {
            throw new ParameterResolutionException("@Seed on a parameter marks injection and takes no value; put"
                    + " @Seed(" + seed.value()[0] + ") on the test method instead");
        }
        return run.seed();
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        finish(context, RunStatus.FINISHED, Optional.empty());
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        finish(context, RunStatus.FAILED, Optional.of(describe(cause)));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        finish(context, RunStatus.KILLED, Optional.of("aborted: " + describe(cause)));
    }

    /** A disabled test never starts, so its run is started here only to record that it was skipped. */
    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        ExperimentRun run = session(context)
                .startRun(context.getRequiredTestClass(), context.getRequiredTestMethod(), context.getDisplayName());
        run.finish(RunStatus.KILLED, Optional.of("disabled: " + reason.orElse("no reason given")));
    }

    private static void finish(ExtensionContext context, RunStatus status, Optional<String> reason) {
        session(context).finish(context.getUniqueId(), status, reason);
    }

    /**
     * The session, looked up from the test's parent context: a test's own store is already closed
     * when JUnit reports its outcome to {@link TestWatcher}.
     */
    private static ExperimentSession session(ExtensionContext context) {
        ExtensionContext holder =
                context.getTestMethod().isPresent() ? context.getParent().orElse(context) : context;
        ExperimentSession session = holder.getStore(NAMESPACE).get(SESSION, ExperimentSession.class);
        if (session == null) {
            throw new InvalidStateException("no Lathe experiment session for " + context.getUniqueId()
                    + ": annotate the test class with @LatheExperiment(name = ...)");
        }
        return session;
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
