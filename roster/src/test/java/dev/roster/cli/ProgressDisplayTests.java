package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.roster.provisioning.ForegroundReconciliation.Progress;

class ProgressDisplayTests {

    @Test
    void describeWhenSizeKnownThenBarPercentAndEstimate() {
        String text = ProgressDisplay.describe(new Progress(5, 2_500, 3, 10_000), Duration.ofSeconds(10).toNanos());
        assertThat(text).isEqualTo("[######------------------]  25%  2,500 people, 5 pages, 3 rate-limit waits, ETA 0:30");
    }

    @Test
    void describeWhenSizeUnknownThenCountsOnly() {
        assertThat(ProgressDisplay.describe(new Progress(1, 500, 1, 0), 0))
                .isEqualTo("500 people, 1 page, 1 rate-limit wait");
    }

    @Test
    void describeWhenOrgGrewPastEstimateThenFullBarNoEstimate() {
        assertThat(ProgressDisplay.describe(new Progress(3, 1_200, 0, 1_000), Duration.ofSeconds(9).toNanos()))
                .startsWith("[########################] 100%").doesNotContain("ETA");
    }

    @Test
    void acceptWhenNotTerminalThenOneLinePerIntervalAndTheLastAtTheEnd() {
        StringWriter err = new StringWriter();
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(err, true), false, Duration.ofHours(1));
        display.accept(new Progress(1, 500, 0, 0));
        display.accept(new Progress(2, 1_000, 0, 0));
        display.accept(new Progress(3, 1_500, 0, 0));
        display.finish();
        assertThat(err.toString()).isEqualTo("progress: 500 people, 1 page, 0 rate-limit waits" + System.lineSeparator()
                + "progress: 1,500 people, 3 pages, 0 rate-limit waits" + System.lineSeparator());
    }

    @Test
    void acceptWhenTerminalThenRedrawsOverThePreviousLineAndEndsIt() {
        StringWriter err = new StringWriter();
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(err, true), true, Duration.ofHours(1));
        display.accept(new Progress(10, 10_000, 0, 0));
        display.accept(new Progress(11, 10_500, 0, 0));
        display.accept(new Progress(1, 5, 0, 0));
        display.finish();
        assertThat(err.toString()).isEqualTo("\r10,000 people, 10 pages, 0 rate-limit waits"
                + "\r10,500 people, 11 pages, 0 rate-limit waits"
                + "\r5 people, 1 page, 0 rate-limit waits" + " ".repeat(7) + System.lineSeparator());
    }
}
