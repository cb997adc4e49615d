package dev.roster.support;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.springframework.test.context.TestContextManager;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Runs a jqwik property class inside Roster's Spring test context, as JUnit tests run: the class's
 * Spring annotations (inherited from {@link LiveServerTest}) are read by Spring's own
 * {@link TestContextManager}, so the context comes from the same cache the JUnit tests use and is
 * started once. Also: the PostgreSQL tier's skip rule ({@link DatabaseTier}), the number of tries
 * (the declared tries on H2, a quarter on PostgreSQL, times {@code roster.reliability.scale}), and a
 * summary line per property for {@code docs/RELIABILITY.md} ({@link ReliabilityReport}).
 */
public class ReliabilitySpring implements SkipExecutionHook, AroundPropertyHook {

    /** What a property class counted while it ran (cases, faults, outcomes), for the report. */
    public interface Figures {
        Map<String, Object> figures();
    }

    /** Outermost, so that the context is in place before the class's own {@code @BeforeProperty} methods. */
    @Override
    public int aroundPropertyProximity() {
        return -100;
    }

    /** Registered on the class, it must reach the class's properties. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        // DatabaseTier decides from the system property and the server alone; it reads nothing from its context.
        ConditionEvaluationResult tier = new DatabaseTier().evaluateExecutionCondition(null);
        return tier.isDisabled() ? SkipResult.skip(tier.getReason().orElse("PostgreSQL tier skipped"))
                : SkipResult.doNotSkip();
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property)
            throws Exception {
        new TestContextManager(context.containerClass()).prepareTestInstance(context.testInstance());
        if (!context.targetMethod().isAnnotationPresent(net.jqwik.api.Example.class)) {
            context.attributes().setTries(tries(context.attributes().tries().orElse(1000)));
        }
        Instant started = Instant.now();
        PropertyExecutionResult result = property.execute();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("suite", context.containerClass().getSimpleName());
        line.put("property", context.targetMethod().getName());
        line.put("database", TestDatabase.postgres() ? "postgresql" : "h2");
        line.put("status", result.status().name());
        line.put("tries", result.countTries());
        line.put("checks", result.countChecks());
        line.put("seed", result.seed().orElse(null));
        line.put("seconds", Duration.between(started, Instant.now()).toMillis() / 1000.0);
        if (context.testInstance() instanceof Figures figures) {
            line.put("figures", figures.figures());
        }
        result.throwable().ifPresent(t -> line.put("failure", String.valueOf(t.getMessage())));
        ReliabilityReport.append(line);
        return result;
    }

    /** The declared tries are the CI default on H2; PostgreSQL runs a quarter; the scale multiplies both. */
    static int tries(int declared) {
        double scale = Double.parseDouble(setting("roster.reliability.scale", "ROSTER_RELIABILITY_SCALE", "1"));
        int base = TestDatabase.postgres() ? Math.max(1, declared / 4) : declared;
        return Math.max(1, (int) Math.round(base * scale));
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
