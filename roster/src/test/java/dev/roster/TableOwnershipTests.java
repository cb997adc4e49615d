package dev.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each module owns its tables, and only its SQL names them: another module's data is reached
 * through the owner's Java API, where Modulith's verification can see the dependency. The SQL is
 * found in the string literals (text blocks included) of each module's main sources; a table is
 * "named" after FROM, JOIN, UPDATE, INTO or TABLE in the same literal (the code base writes each
 * clause whole). Every table the migrations create must have an
 * owner here, so a new table cannot slip past.
 */
class TableOwnershipTests {

    private static final Path SOURCES = Path.of("src/main/java/dev/roster");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Table → the module whose SQL alone may name it. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("account", "accounts"),
            Map.entry("person", "directory"),
            Map.entry("team", "directory"),
            Map.entry("team_member", "directory"),
            Map.entry("custom_field", "directory"),
            Map.entry("api_token", "access"),
            Map.entry("spring_session", "access"),
            Map.entry("spring_session_attributes", "access"),
            Map.entry("sign_in_audit", "sso"),
            Map.entry("okta_connection", "okta"),
            Map.entry("okta_rate_budget", "okta"),
            Map.entry("okta_link", "provisioning"),
            Map.entry("okta_field_mapping", "provisioning"),
            Map.entry("okta_custom_mapping", "provisioning"),
            Map.entry("okta_hook_delivery", "provisioning"),
            Map.entry("okta_hook_event", "provisioning"),
            Map.entry("okta_user_sync", "provisioning"),
            Map.entry("okta_sync_run", "provisioning"),
            Map.entry("okta_sync_change", "provisioning"),
            Map.entry("okta_sync_held", "provisioning"),
            Map.entry("invitation", "invitations"),
            Map.entry("scim_settings", "scim"),
            Map.entry("scim_token", "scim"),
            Map.entry("scim_user", "scim"),
            Map.entry("scim_group", "scim"),
            // db-scheduler's queue: the library writes it; Roster's own look-ups live in common.JobQueue.
            Map.entry("scheduled_tasks", "common"));

    /**
     * Columns of one module's table that another module owns: table.column → owner. Invitation state
     * sits on the person row (added by V5) but is the invitations module's.
     */
    static final Map<String, String> COLUMN_OWNERS = Map.of("person.invitation", "invitations");

    /**
     * Known violations, "path under dev/roster → table or table.column", each to be moved behind the
     * owner's API. The list may only shrink: a listed violation that no longer exists fails the test
     * too, so the list cannot hide new ones nor outlive the fixes.
     */
    static final Set<String> KNOWN_VIOLATIONS = Set.of(
            // The invitation state column: directory still stores and filters it for invitations (the
            // people list's bulk invite filters by it). Moving it into invitations' own table is next.
            "directory/internal/PersonRepository.java → person.invitation");

    private static final Pattern TABLE_REFERENCE =
            Pattern.compile("\\b(?:FROM|JOIN|UPDATE|INTO|TABLE)\\s+([A-Za-z_][A-Za-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_TABLE =
            Pattern.compile("CREATE TABLE\\s+([A-Za-z_][A-Za-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    /** An SQL literal, as this code base writes them: upper-case keywords, or a list of qualified columns. */
    private static final Pattern SQL = Pattern.compile("\\b(SELECT|INSERT|UPDATE|DELETE|WHERE|FROM|JOIN|SET|VALUES)\\b"
            + "|\\b[a-z]\\.[a-z_]+,");

    @Test
    void sqlWhenModulesNameTablesThenOnlyTheirOwn() throws IOException {
        assertThat(violations()).as("SQL naming another module's table (move it behind the owner's API)")
                .containsExactlyInAnyOrderElementsOf(new TreeSet<>(KNOWN_VIOLATIONS));
    }

    @Test
    void migrationsWhenTablesCreatedThenEachHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATE_TABLE.matcher(Files.readString(file));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase());
                }
            }
        }
        assertThat(created).isNotEmpty();
        assertThat(OWNERS.keySet()).containsAll(created);
    }

    @Test
    void literalsWhenTextBlocksCommentsAndEscapesThenOnlyStringContents() {
        String source = """
                // "FROM not_this"
                /* "JOIN nor_this" */
                char quote = '"';
                String a = "SELECT \\"x\\" FROM person";
                String b = \"""
                    UPDATE team SET name = ?
                    \""";
                """;
        assertThat(literals(source)).containsExactly("SELECT \\\"x\\\" FROM person", "UPDATE team SET name = ?\n");
    }

    private static Set<String> violations() throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the application class, in no module
                }
                String module = relative.getName(0).toString();
                String where = relative.toString().replace('\\', '/');
                List<String> literals = literals(Files.readString(file));
                for (String literal : literals) {
                    Matcher tables = TABLE_REFERENCE.matcher(literal);
                    while (tables.find()) {
                        String owner = OWNERS.get(tables.group(1).toLowerCase());
                        if (owner != null && !owner.equals(module)) {
                            found.add(where + " → " + tables.group(1).toLowerCase());
                        }
                    }
                }
                COLUMN_OWNERS.forEach((column, owner) -> {
                    Pattern named = Pattern.compile("\\b" + column.substring(column.indexOf('.') + 1) + "\\b");
                    boolean uses = literals.stream().filter(l -> SQL.matcher(l).find())
                            .map(l -> TABLE_REFERENCE.matcher(l).replaceAll(""))
                            .anyMatch(l -> named.matcher(l).find());
                    if (uses && !owner.equals(module)) {
                        found.add(where + " → " + column);
                    }
                });
            }
        }
        return found;
    }

    /** The contents of a Java source's string literals and text blocks, comments and char literals skipped. */
    static List<String> literals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                i = endOf(source, "\n", i + 2);
            } else if (source.startsWith("/*", i)) {
                i = endOf(source, "*/", i + 2);
            } else if (source.charAt(i) == '\'') {
                int end = i + 1;
                while (source.charAt(end) != '\'') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                i = end + 1;
            } else if (source.startsWith("\"\"\"", i)) {
                int start = source.indexOf('\n', i) + 1;
                int end = source.indexOf("\"\"\"", start);
                literals.add(source.substring(start, end).stripIndent());
                i = end + 3;
            } else if (source.charAt(i) == '"') {
                int end = i + 1;
                while (source.charAt(end) != '"') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                literals.add(source.substring(i + 1, end));
                i = end + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int endOf(String source, String marker, int from) {
        int end = source.indexOf(marker, from);
        return end < 0 ? source.length() : end + marker.length();
    }
}
