package dev.roster.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Leaves a trail when the suite stalls: after {@code roster.test.stall} (default 5 minutes) without a
 * test starting or finishing, it prints every thread's stack to the console, and again after each
 * further such period while the stall lasts, so a hung CI run shows where it hung instead of only
 * that it ran out of time. Registered for the JUnit Platform through
 * {@code META-INF/services}.
 */
public class StallWatchdog implements TestExecutionListener {

    private static final Duration STALL = Duration.parse("PT" + System.getProperty("roster.test.stall", "5m").toUpperCase());

    private final AtomicLong lastEvent = new AtomicLong(System.nanoTime());
    private final AtomicReference<String> current = new AtomicReference<>("(none yet)");

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        Thread watcher = new Thread(this::watch, "stall-watchdog");
        watcher.setDaemon(true);
        watcher.start();
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        current.set(test.getDisplayName() + " [" + test.getUniqueId() + "]");
        lastEvent.set(System.nanoTime());
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        lastEvent.set(System.nanoTime());
    }

    /** Reports once per stall period while the stall lasts, so the end of a CI log shows a recent report. */
    private void watch() {
        long reportedAt = Long.MIN_VALUE;
        while (true) {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            long last = lastEvent.get();
            // a stall period since the last test event, or since this stall's last report
            if (now - Math.max(last, reportedAt) > STALL.toNanos()) {
                reportedAt = now;
                System.err.println(report(Duration.ofNanos(now - last)));
            }
        }
    }

    private String report(Duration quiet) {
        StringBuilder out = new StringBuilder("\n=== stall-watchdog: no test started or finished for ")
                .append(quiet.toSeconds()).append(" s; last started: ").append(current.get()).append('\n');
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            out.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
            if (thread.getLockName() != null) {
                out.append(" on ").append(thread.getLockName());
            }
            out.append('\n');
            for (StackTraceElement frame : thread.getStackTrace()) {
                out.append("    at ").append(frame).append('\n');
            }
        }
        return out.append("=== end of stall-watchdog report\n").toString();
    }
}
