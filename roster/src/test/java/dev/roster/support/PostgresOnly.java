package dev.roster.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that only mean something on PostgreSQL (several instances sharing one database): they
 * run in the PostgreSQL tier, where {@link DatabaseTier} skips them loudly without a server (or
 * fails under {@code ROSTER_REQUIRE_POSTGRES=1}); the H2 tier leaves them to it.
 */
public class PostgresOnly implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.postgres()) {
            return ConditionEvaluationResult.disabled("PostgreSQL only: runs in the postgres-tier execution");
        }
        return new DatabaseTier().evaluateExecutionCondition(context);
    }
}
