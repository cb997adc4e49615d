package dev.roster.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Appends one JSON line per reliability property run to {@code target/reliability/<suite>.json};
 * {@code reliability/run} renders those lines into {@code docs/RELIABILITY.md}, so the document only
 * ever shows numbers the tests recorded.
 */
public final class ReliabilityReport {

    private static final Path DIRECTORY = Path.of("target", "reliability");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReliabilityReport() {
    }

    static synchronized void append(Map<String, Object> line) {
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve(line.get("suite") + ".json"), JSON.writeValueAsString(line) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
