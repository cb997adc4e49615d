package dev.roster.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;

import dev.roster.provisioning.ForegroundReconciliation.Progress;

/**
 * A run's progress on stderr: one bar redrawn in place on a terminal, else a plain line now and then
 * (logs and CI output stay readable). The estimate assumes the org is about as large as at its last
 * complete run.
 */
final class ProgressDisplay implements Consumer<Progress> {

    private static final int BAR = 24;

    private final PrintWriter err;
    private final boolean redraw;
    private final long lineEveryNanos;
    private final long startedAt = System.nanoTime();
    private long lastLineAt;
    private String unprinted;
    private String shown;
    private int drawn;

    ProgressDisplay(PrintWriter err, boolean terminal, Duration lineEvery) {
        this.err = err;
        this.redraw = terminal;
        this.lineEveryNanos = lineEvery.toNanos();
    }

    @Override
    public synchronized void accept(Progress progress) {
        long now = System.nanoTime();
        String text = describe(progress, now - startedAt);
        if (redraw) {
            if (text.equals(shown)) {
                return;
            }
            shown = text;
            err.print("\r" + text + " ".repeat(Math.max(0, drawn - text.length())));
            err.flush();
            drawn = text.length();
        } else if (lastLineAt == 0 || now - lastLineAt >= lineEveryNanos) {
            err.println("progress: " + text);
            lastLineAt = now;
            unprinted = null;
        } else {
            unprinted = text;
        }
    }

    /** Ends the bar's line, so that what follows starts on its own; without a bar, prints where the run ended. */
    synchronized void finish() {
        if (redraw && drawn > 0) {
            err.println();
            drawn = 0;
        }
        if (unprinted != null) {
            err.println("progress: " + unprinted);
            unprinted = null;
        }
    }

    static String describe(Progress p, long elapsedNanos) {
        String counts = String.format("%,d people, %,d %s, %,d rate-limit %s", p.listed(), p.pages(),
                p.pages() == 1 ? "page" : "pages", p.rateLimitWaits(), p.rateLimitWaits() == 1 ? "wait" : "waits");
        if (p.expected() <= 0) {
            return counts;
        }
        int percent = (int) Math.min(100, (long) p.listed() * 100 / p.expected());
        int filled = percent * BAR / 100;
        return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] " + String.format("%3d%%", percent) + "  "
                + counts + eta(p, elapsedNanos);
    }

    private static String eta(Progress p, long elapsedNanos) {
        if (p.listed() == 0 || p.listed() >= p.expected()) {
            return "";
        }
        long seconds = Duration.ofNanos(elapsedNanos).toSeconds() * (p.expected() - p.listed()) / p.listed();
        return String.format(", ETA %d:%02d", seconds / 60, seconds % 60);
    }
}
