package dev.roster.support;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.roster.support.property.PropertyCheck;

/**
 * Appends one line per test method of a {@link ReliabilitySuite} to the reliability report: a
 * property's cases and seed as {@link PropertyCheck} ran them, an example as one case.
 */
public class ReliabilityRecorder implements BeforeTestExecutionCallback, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ReliabilityRecorder.class);

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        PropertyCheck.forgetLastRun();
        context.getStore(NAMESPACE).put("started", Instant.now());
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Instant started = context.getStore(NAMESPACE).get("started", Instant.class);
        PropertyCheck.Run run = PropertyCheck.lastRun();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("suite", context.getRequiredTestClass().getSimpleName());
        line.put("property", context.getRequiredTestMethod().getName());
        line.put("database", TestDatabase.postgres() ? "postgresql" : "h2");
        line.put("status", context.getExecutionException().isPresent() ? "FAILED" : "SUCCESSFUL");
        line.put("tries", run == null ? 1 : run.cases());
        line.put("checks", run == null ? 1 : run.cases());
        line.put("seed", run == null ? "example" : String.valueOf(run.seed()));
        line.put("seconds", Duration.between(started, Instant.now()).toMillis() / 1000.0);
        if (context.getRequiredTestInstance() instanceof PropertyCheck.Figures figures) {
            line.put("figures", figures.figures());
        }
        context.getExecutionException().ifPresent(e -> line.put("failure", String.valueOf(e.getMessage())));
        ReliabilityReport.append(line);
    }
}
