package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.roster.RosterApplication;

/**
 * The true process exit status: Roster's main class started in its own JVM, as
 * {@code java -jar roster.jar …} would, in an empty directory (so on a fresh H2 file database there).
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
        // The default database: an H2 file under ./data of the working directory, read after the process exits.
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("ROSTER_"));
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
    void mainWhenUnknownAccountThenRosterStartsWithoutJobQueueAndProcessExitsThree() throws Exception {
        Exited exited = java("check", "--account", "nope");
        assertThat(exited.code()).as(exited.err()).isEqualTo(3);
        assertThat(exited.err()).contains("no account has the key 'nope'");
        assertThat(exited.out()).isEmpty();
        // A started job queue schedules its recurring tasks at once; the command's left the table empty.
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + workDir.resolve("data/roster"), "sa", "");
                ResultSet rs = db.createStatement().executeQuery("SELECT COUNT(*) FROM scheduled_tasks")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}
