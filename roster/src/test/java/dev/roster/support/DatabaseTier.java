package dev.roster.support;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the PostgreSQL tier only when a server answers. Without one it skips loudly, unless
 * {@code ROSTER_REQUIRE_POSTGRES=1} (set by CI), which turns the absence into a failure.
 */
public class DatabaseTier implements ExecutionCondition {

    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static volatile Boolean reachable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.postgres()) {
            return ConditionEvaluationResult.enabled("H2 tier");
        }
        if (reachable == null) {
            reachable = TestDatabase.postgresReachable();
        }
        if (reachable) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + TestDatabase.POSTGRES_URL);
        }
        String message = "PostgreSQL tier SKIPPED: no server answers at " + TestDatabase.POSTGRES_URL
                + " (set ROSTER_TEST_POSTGRES_URL, or start PostgreSQL)";
        if ("1".equals(System.getenv("ROSTER_REQUIRE_POSTGRES"))) {
            throw new IllegalStateException("ROSTER_REQUIRE_POSTGRES=1 but " + message);
        }
        if (WARNED.compareAndSet(false, true)) {
            System.err.println("\n" + "!".repeat(100) + "\n!!! " + message + "\n" + "!".repeat(100) + "\n");
        }
        return ConditionEvaluationResult.disabled(message);
    }
}
