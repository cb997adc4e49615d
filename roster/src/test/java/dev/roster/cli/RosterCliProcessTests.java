package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.roster.RosterApplication;

/**
 * The true process exit status: Roster's main class started in its own JVM, as
 * {@code java -jar roster.jar …} would, on an in-memory database in an empty directory.
 */
class RosterCliProcessTests {

    @TempDir
    Path workDir;

    private record Exited(int code, String out, String err) {
    }

    private Exited java(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RosterApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(workDir.resolve("out.txt").toFile()).redirectError(workDir.resolve("err.txt").toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", "jdbc:h2:mem:cli;DB_CLOSE_DELAY=-1");
        builder.environment().remove("ROSTER_DEMO");
        Process process = builder.start();
        if (!process.waitFor(4, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not exit");
        }
        return new Exited(process.exitValue(), Files.readString(workDir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(workDir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void mainWhenUsageWrongThenProcessExitsTwo() throws Exception {
        Exited exited = java("sync");
        assertThat(exited.code()).isEqualTo(2);
        assertThat(exited.err()).contains("Missing required option: '--account=KEY'");
        assertThat(exited.out()).isEmpty();
    }

    @Test
    void mainWhenUnknownAccountThenRosterStartsWithoutServingAndProcessExitsThree() throws Exception {
        Exited exited = java("check", "--account", "nope");
        assertThat(exited.code()).as(exited.err()).isEqualTo(3);
        assertThat(exited.err()).contains("no account has the key 'nope'").doesNotContain("Tomcat started on port");
        assertThat(exited.out()).isEmpty();
    }
}
